export * from './define-service';
export * from './secondary-indexes';
