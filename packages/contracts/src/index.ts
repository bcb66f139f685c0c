export * from './entities';
export * from './envelope';
export * from './events';
