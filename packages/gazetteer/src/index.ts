export * from './resolve-place';
export { placeKey } from './place-key';
