// What bench/runtimeInstances.mjs loads: the app handler, the stores and the test app parts, bundled by scripts/loadTs.mjs.
export { memoryFileSource } from '../../../core/app/fileSource';
export { loadAppModel } from '../../../core/app/model/loadAppModel';
export { createAppHandler } from '../appApi';
export { openEmbeddedStorage } from '../pgliteStorage';
export { openPostgresStorage } from '../postgresStorage';
export { permitRule, policyXml, task, flow } from './processEngineTestApp';
export { memoryStorage } from '../storage';
export { startServer } from '../testServer';
export { startPostgres } from './postgresServer';
