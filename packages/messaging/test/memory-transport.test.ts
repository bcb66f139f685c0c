import { createMemoryTransport } from '../src';
import { transportContract } from './transport-contract';

transportContract(
  'in-process',
  () => createMemoryTransport(),
  (suffix) => `t-${suffix}`,
  (suffix) => `g-${suffix}`,
);
