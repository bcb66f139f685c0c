export * from './kafka';
export * from './publisher';
export * from './consumer';
export * from './outbox';
export * from './failures';
export * from './readiness';
export * from './dead-letters';
export * from './metrics';
