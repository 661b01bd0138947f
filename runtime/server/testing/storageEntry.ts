// What storage child processes and bench/runtimeStorage.mjs load: the stores, bundled by storageBundle.mjs.
export { fileBlobStore } from '../blobStore';
export { openEmbeddedStorage } from '../pgliteStorage';
export { openPostgresStorage } from '../postgresStorage';
export { memoryStorage } from '../storage';
export { startPostgres } from './postgresServer';
