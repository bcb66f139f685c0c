export * from './entities';
export * from './envelope';
export * from './events';
export * from './organisations';
export * from './api';
export * from './suggestions';
export * from './labels';
export * from './partners';
