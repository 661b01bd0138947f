// The load side of bench/hostDeploy.mjs, run as a second process: each worker saves the form data of
// its own instance (PUT data) and validates it (GET validate), round-robin over the replicas' bases,
// for `seconds` or `limit` pairs in all; prints `{ pairs, failed, seconds }`.
const { bases, instances, seconds, limit } = JSON.parse(process.argv[2]);
let pairs = 0;
let failed = 0;
let started = 0;
const began = performance.now();
const until = began + seconds * 1000;

async function worker(index) {
  const base = bases[index % bases.length];
  const { id, dataId } = instances[index];
  let n = 0;
  while (performance.now() < until && started < limit) {
    started++;
    n++;
    const body = JSON.stringify({ applicantName: `Person ${index} ${n}`, email: `p${index}@example.com`, numberOfItems: n, amount: n * 1.5 });
    const saved = await fetch(`${base}instances/${id}/data/${dataId}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body });
    await saved.arrayBuffer();
    const validated = await fetch(`${base}instances/${id}/validate`);
    await validated.arrayBuffer();
    if (saved.status === 200 && validated.status === 200) pairs++;
    else failed++;
  }
}
await Promise.all(instances.map((_, i) => worker(i)));
console.log(JSON.stringify({ pairs, failed, seconds: (performance.now() - began) / 1000 }));
