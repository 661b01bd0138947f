// Starts `studio serve` (or any studio command that serves) as a child process and reads the
// address line it prints. Used by the CLI tests, the e2e fixtures and the benchmarks.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const addressLine = /^Studio: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m;
/** The line `studio preview` prints: the form app's address under /{org}/{app}/ with its token. */
export const previewAddressLine = /^Preview: (http:\/\/127\.0\.0\.1:\d+\/[^/\s]+\/[^/\s]+\/\?token=\S+)$/m;

/**
 * Spawns `bin/studio.mjs ARGS` with `env` added (undefined values removed) and no display. `url`
 * resolves with the first group of `address` (default: the `Studio:` line of `studio serve`).
 */
export function spawnStudio(args, env = {}, { address = addressLine } = {}) {
  const started = performance.now();
  const childEnv = { ...process.env, ...env };
  delete childEnv.DISPLAY;
  delete childEnv.WAYLAND_DISPLAY;
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [path.join(root, 'bin', 'studio.mjs'), ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      stdout += String(d);
      const match = address.exec(stdout);
      if (match) resolve(match[1]);
    });
    exited.then((code) => reject(new Error(`studio exited with ${code} before printing its address:\n${stdout}${stderr}`)));
  });
  url.catch(() => undefined);
  return {
    child,
    started,
    url,
    exited,
    output: () => ({ stdout, stderr }),
    stop: () => child.kill('SIGTERM'),
  };
}
