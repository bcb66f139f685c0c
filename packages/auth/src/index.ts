export * from './token';
export * from './regions';
export * from './hash';
export * from './sealed';
export * from './standing';
