// Figure: live preview latency, from a layout file written through the studio's workspace to the form
// app's event stream receiving `app-changed` (includes the 30 ms debounce), median of 10.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importTs } from '../scripts/loadTs.mjs';
import { median, ms } from './benchTools.mjs';

/** Runs the benchmark and returns its figure line. */
export async function benchPreviewLatency(runs = 10) {
  const { EventHub, PreviewService, Workspace, openEventStream, writeDemoApp } = await importTs('bench/previewLatencyBench.ts');
  const temp = mkdtempSync(path.join(os.tmpdir(), 'studio-preview-bench-'));
  const events = new EventHub();
  const workspace = new Workspace(events);
  // The form app is not needed to measure the event; a missing build only makes the shell answer 503.
  const preview = new PreviewService(events, workspace, { clientDir: path.join(temp, 'no-client') });
  try {
    await writeDemoApp(path.join(temp, 'app'));
    await workspace.open(path.join(temp, 'app'));
    const { url } = await preview.start();
    const page = new URL(url);
    const stream = await openEventStream(`${page.origin}${page.pathname}api/preview/events${page.search}`);
    const times = [];
    // One warm-up round first: the first reload pays for module and JIT warm-up.
    for (let i = 0; i <= runs; i++) {
      const layout = JSON.stringify({ data: { layout: [{ id: `field-${i}`, type: 'Input', dataModelBindings: { simpleBinding: 'name' } }] } }, null, 2);
      const started = performance.now();
      await workspace.writeFile('App/ui/form/layouts/Page1.json', layout);
      await stream.next(10_000);
      if (i > 0) times.push(performance.now() - started);
    }
    stream.close();
    return `preview: layout write → app-changed received after ${ms(median(times))} (median of ${runs}, 30 ms debounce included)`;
  } finally {
    await preview.dispose();
    rmSync(temp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchPreviewLatency());
