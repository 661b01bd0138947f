// The load side of bench/runtimeInstances.mjs, run as a second process: creates instances at `base`
// with `concurrency` requests in flight for `seconds` (at most `limit`), then prints `{ created, failed, seconds }`.
const [base, concurrencyText, secondsText, limitText] = process.argv.slice(2);
const concurrency = Number(concurrencyText);
const seconds = Number(secondsText);
const limit = Number(limitText);
let created = 0;
let failed = 0;
let started = 0;
const began = performance.now();
const until = began + seconds * 1000;

async function worker() {
  while (performance.now() < until && started < limit) {
    started++;
    const res = await fetch(`${base}instances?instanceOwnerPartyId=501`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    await res.arrayBuffer();
    if (res.status === 201) created++;
    else failed++;
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
console.log(JSON.stringify({ created, failed, seconds: (performance.now() - began) / 1000 }));
