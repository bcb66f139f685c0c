export * from './define-service';
