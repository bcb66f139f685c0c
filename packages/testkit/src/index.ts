export * from './stack-file';
export * from './wait';
export * from './mail-inbox';
export * from './topic-reader';
export * from './http-client';
export * from './fixtures';
