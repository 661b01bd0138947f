// Figure: `studio serve` start to first byte (spawn → address printed → first byte of the page), median of 5.
import { request } from 'node:http';
import { ensureBuilt } from '../scripts/ensureBuilt.mjs';
import { median, ms, startServe } from './benchTools.mjs';

function firstByte(url) {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      res.once('data', () => {
        resolve(performance.now());
        res.resume();
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs the benchmark and returns its figures. */
export async function benchServeStart(runs = 5) {
  ensureBuilt({ quiet: true });
  const printed = [];
  const toFirstByte = [];
  for (let i = 0; i < runs; i++) {
    const serve = startServe();
    const { url, printedAfter } = await serve.ready;
    const byteAt = await firstByte(url);
    printed.push(printedAfter);
    toFirstByte.push(byteAt - serve.started);
    serve.stop();
  }
  return { printed: median(printed), firstByte: median(toFirstByte), runs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchServeStart();
  console.log(`studio serve: address printed after ${ms(figures.printed)}, first byte after ${ms(figures.firstByte)} (median of ${figures.runs}, from process spawn)`);
}
