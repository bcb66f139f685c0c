export * from './app';
export * from './problem';
export * from './json-shape';
export * from './cors';
export * from './page-language';
export * from './html';
export * from './cross-origin';
export * from './authenticate';
