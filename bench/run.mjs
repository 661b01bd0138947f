// `npm run bench`: every benchmark, each printing its figures.
import { benchRendererInteractive } from './rendererInteractive.mjs';
import { benchServeStart } from './serveStart.mjs';
import { ms } from './benchTools.mjs';

const serve = await benchServeStart();
console.log(`studio serve: address printed after ${ms(serve.printed)}, first byte after ${ms(serve.firstByte)} (median of ${serve.runs}, from process spawn)`);
const renderer = await benchRendererInteractive();
console.log(`renderer: interactive after ${ms(renderer.interactive)} (DOMContentLoaded ${ms(renderer.domContentLoaded)}), median of ${renderer.runs} cold page loads`);
const { benchAppModel } = await import('./appModel.mjs');
for (const line of await benchAppModel()) console.log(line);
const { benchExpressions } = await import('./expressions.mjs');
for (const line of await benchExpressions()) console.log(line);
const { benchPreviewLatency } = await import('./previewLatency.mjs');
console.log(await benchPreviewLatency());
const { benchRuntimeRender } = await import('./runtimeRender.mjs');
for (const line of await benchRuntimeRender()) console.log(line);
const { benchLayoutDrag } = await import('./layoutDrag.mjs');
for (const line of await benchLayoutDrag()) console.log(line);
const { benchCodeLargeFiles } = await import('./codeLargeFiles.mjs');
for (const line of await benchCodeLargeFiles()) console.log(line);
const { benchGitOps } = await import('./gitOps.mjs');
for (const line of await benchGitOps()) console.log(line);
for (const line of await (await import('./runtimeStorage.mjs')).benchRuntimeStorage()) console.log(line);
for (const line of await (await import('./runtimeInstances.mjs')).benchRuntimeInstances()) console.log(line);
for (const line of await (await import('./runtimePdf.mjs')).benchRuntimePdf()) console.log(line);
for (const line of await (await import('./clamdScan.mjs')).benchClamdScan()) console.log(line);
for (const line of await (await import('./hostDeploy.mjs')).benchHostDeploy()) console.log(line);
