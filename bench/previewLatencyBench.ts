// What bench/previewLatency.mjs measures: the studio's preview path (workspace write → files:changed →
// debounce → app reload → event stream). Bundled by loadTs.mjs.
export { EventHub } from '../main/services/eventHub';
export { PreviewService } from '../main/services/previewService';
export { Workspace } from '../main/services/workspace';
export { openEventStream, writeDemoApp } from '../runtime/server/previewTesting';
