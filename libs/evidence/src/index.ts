export * from './object-store/object-store.port.js';
export * from './object-store/object-key.js';
export * from './object-store/object-store.errors.js';
export * from './object-store/filesystem-object-store.js';
export * from './object-store/s3-object-store.js';
export * from './object-store/object-store.factory.js';
export * from './hashing/hashing-pass-through.js';
export * from './evidence.module.js';
