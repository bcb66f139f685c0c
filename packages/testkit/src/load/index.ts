export * from './workload';
export * from './open-loop';
export * from './pipeline';
export * from './ceilings';
export * from './stats';
export * from './run-load';
