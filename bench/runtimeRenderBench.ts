// What bench/runtimeRender.mjs measures: the form app rendering big pages. Bundled by scripts/loadTs.mjs.
export { startRuntimeHost } from '../runtime/server/runtimeHost';
