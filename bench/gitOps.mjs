// Figures for git (issue 8): on a generated repository of 5,000 files and 3,000 commits, the studio's
// git beside native git in the same run — warm status with 10 changed files (the kept status fed with
// the changed paths, as the file watcher feeds it), commit of 1,000 changed files (stage + commit), the
// first history page; and a clone of a ~10 MB repository from the local git server. Medians; ratios
// are studio ÷ native. Goals: status ≤ 50 ms, commit ≤ 350 ms, history ≤ 100 ms, clone ≤ 3× native.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, ms } from './benchTools.mjs';
import { importTs } from '../scripts/loadTs.mjs';

const studio = await importTs('bench/gitOpsBench.ts');
const author = { name: 'Bench', email: 'bench@example.com' };
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
const native = (cwd, args, input) => execFileSync('git', args, { cwd, env: gitEnv, input, maxBuffer: 1 << 28 });

const fileCount = 5000;
const commitCount = 3000;
const fileAt = (i) => `App/part${String(i % 50).padStart(2, '0')}/file${String(i).padStart(4, '0')}.json`;
// Each new version of a file has a new size: same-size rewrites within one second look unchanged to git's stat check.
const body = (i, version) => `${JSON.stringify({ id: `component-${i}`, version, text: `Text ${i} `.repeat(12) }, null, 2)}\n`;

/** A repository of `fileCount` files and `commitCount` commits, written with `git fast-import`. */
export function generateRepo(dir) {
  native(dir, ['init', '-q', '-b', 'main']);
  const parts = [];
  const blob = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let time = 1_600_000_000;
  const commitHeader = (n) => `commit refs/heads/main\ncommitter Bench <bench@example.com> ${time++} +0000\n${blob(`Commit ${n}`)}`;
  parts.push(commitHeader(1));
  for (let i = 0; i < fileCount; i++) parts.push(`M 100644 inline ${fileAt(i)}\n${blob(body(i, 0))}`);
  for (let n = 2; n <= commitCount; n++) {
    parts.push(commitHeader(n));
    for (let k = 0; k < 3; k++) {
      const i = (n * 7919 + k * 104729) % fileCount;
      parts.push(`M 100644 inline ${fileAt(i)}\n${blob(body(i, n))}`);
    }
  }
  native(dir, ['fast-import', '--quiet'], parts.join(''));
  native(dir, ['reset', '-q', '--hard', 'main']);
}

/** Median time of `runs` calls of `work` (each given its run number), after `prepare` (untimed). */
async function timed(runs, work, prepare = () => {}) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    await prepare(run);
    const start = performance.now();
    await work(run);
    times.push(performance.now() - start);
  }
  return median(times);
}

const line = (label, ours, theirs, goal) => `git ${label}: studio ${ms(ours)}, native git ${ms(theirs)} (×${(ours / theirs).toFixed(1)})${goal ? `, goal ${goal}` : ''}`;

async function benchStatus(dir) {
  const cache = new studio.StatusCache();
  await cache.read(dir);
  native(dir, ['status', '--porcelain']);
  const changed = Array.from({ length: 10 }, (_, k) => fileAt(k * 37));
  let version = 0;
  const modify = () => {
    version++;
    for (const file of changed) writeFileSync(path.join(dir, file), body(0, `status-${'x'.repeat(version)}`));
  };
  const ours = await timed(7, () => cache.read(dir), () => {
    modify();
    cache.changed(dir, changed);
  });
  const theirs = await timed(7, () => native(dir, ['status', '--porcelain']), modify);
  const plain = await timed(3, () => studio.status(dir));
  native(dir, ['checkout', '-q', '--', '.']);
  return [line('warm status, 10 changed files', ours, theirs, '≤ 50 ms'), `git status without the kept status (full statusMatrix): ${ms(plain)}`];
}

async function benchCommit(dir) {
  let round = 0;
  const files = (run) => Array.from({ length: 1000 }, (_, k) => fileAt((k * 5 + run) % fileCount));
  const modify = (run) => {
    round++;
    for (const file of files(run)) writeFileSync(path.join(dir, file), body(0, `commit-${'x'.repeat(round)}`));
  };
  let stageTimes = [];
  const ours = await timed(
    3,
    async (run) => {
      const start = performance.now();
      await studio.stage(dir, files(run));
      stageTimes.push(performance.now() - start);
      await studio.commit(dir, { message: `Studio commit ${run}`, author });
    },
    modify,
  );
  const theirs = await timed(
    3,
    (run) => {
      native(dir, ['add', '--', ...files(run + 3)]);
      native(dir, ['commit', '-q', '-m', `Native commit ${run}`]);
    },
    (run) => modify(run + 3),
  );
  return [line('commit of 1,000 changed files (stage + commit)', ours, theirs, '≤ 350 ms'), `git   of which staging the 1,000 files: ${ms(median(stageTimes))}`];
}

async function benchHistory(dir) {
  const ours = await timed(5, () => studio.history(dir, { pageSize: 50 }));
  const theirs = await timed(5, () => native(dir, ['log', '-n', '50', '--format=%H%x00%P%x00%an%x00%ae%x00%at%x00%B']));
  return [line('first history page (50 commits)', ours, theirs, '≤ 100 ms')];
}

async function benchClone(temp) {
  const server = await studio.startGitHttpServer();
  try {
    const source = path.join(temp, 'big');
    native(temp, ['init', '-q', '-b', 'main', source]);
    // ~10 MB that does not compress: 160 files of 64 KB random bytes as base64 text.
    for (let i = 0; i < 160; i++) writeFileSync(path.join(source, `asset${i}.txt`), randomBytes(64 * 1024).toString('base64'));
    native(source, ['add', '-A']);
    native(source, ['commit', '-q', '-m', 'Assets']);
    const url = server.createRepo('big');
    native(source, ['push', '-q', path.join(server.root, 'big.git'), 'main']);
    const packSize = Number(native(path.join(server.root, 'big.git'), ['count-objects', '-v']).toString().match(/size-pack: (\d+)/)?.[1] ?? 0) / 1024;
    let n = 0;
    const ours = await timed(3, () => studio.clone(url, path.join(temp, `studio-clone-${n++}`)));
    // Not execFileSync: the server runs in this process and must keep answering.
    const theirs = await timed(3, () => promisify(execFile)('git', ['clone', '-q', url, path.join(temp, `native-clone-${n++}`)], { env: gitEnv }));
    return [line(`clone of a ${packSize.toFixed(1)} MB repository from the local server`, ours, theirs, '≤ 3× native')];
  } finally {
    await server.stop();
  }
}

/** Runs the git benchmark and returns its figure lines. */
export async function benchGitOps() {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'studio-bench-git-'));
  try {
    const dir = path.join(temp, 'repo');
    const start = performance.now();
    execFileSync('mkdir', ['-p', dir]);
    generateRepo(dir);
    if (process.env.BENCH_VERBOSE) console.error(`generated in ${ms(performance.now() - start)}`);
    const lines = [`git: generated ${fileCount} files and ${commitCount} commits with fast-import in ${ms(performance.now() - start)}`];
    for (const part of [() => benchStatus(dir), () => benchHistory(dir), () => benchCommit(dir), () => benchClone(temp)]) {
      const figures = await part();
      if (process.env.BENCH_VERBOSE) console.error(figures.join('\n'));
      lines.push(...figures);
    }
    return lines;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const figure of await benchGitOps()) console.log(figure);
}
