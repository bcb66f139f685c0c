export * from './campaign';
export * from './backlog';
export * from './traffic';
export * from './verify';
