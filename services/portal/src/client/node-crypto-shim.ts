/// <reference lib="dom" />
/**
 * The contracts package creates event ids with node:crypto's randomUUID; the
 * browser bundle never creates events, but the import must resolve, so it
 * gets the Web Crypto one (packages/launcher/src/build.ts aliases node:crypto here).
 */
export const randomUUID = (): string => globalThis.crypto.randomUUID();
