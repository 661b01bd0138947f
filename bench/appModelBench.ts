// What bench/appModel.mjs measures: load + index + check of an app, and a large rename. Bundled by loadTs.mjs.
export { loadAppModel } from '../core/app/model/loadAppModel';
export { memoryFileSource } from '../core/app/fileSource';
export { checkApp } from '../core/refs/checkApp';
export { buildReferenceIndex } from '../core/refs/referenceIndex';
export { planRename } from '../core/refs/rename';
