import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { clone } from './clone';
import { Cancelled, NetworkFailed } from './errors';

const temp = tempDirs('studio-git-transport-');
let silent: http.Server;
let url = '';
beforeAll(async () => {
  // Takes every request and never answers: a connection that died without closing.
  silent = http.createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/app.git`;
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
  temp.cleanup();
});

describe('a remote that never answers', () => {
  it('is given up on after the idle timeout, leaving no folder', async () => {
    const dir = path.join(temp.make(), 'app');
    const failed = clone(url, dir, { idleTimeoutMs: 200 });
    await expect(failed).rejects.toBeInstanceOf(NetworkFailed);
    await expect(failed).rejects.toMatchObject({ message: expect.stringContaining('sent nothing') });
    expect(existsSync(dir)).toBe(false);
  });

  it('is cancelled at once when the caller aborts while waiting', async () => {
    const dir = path.join(temp.make(), 'app');
    const controller = new AbortController();
    const cancelled = clone(url, dir, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(cancelled).rejects.toBeInstanceOf(Cancelled);
    expect(existsSync(dir)).toBe(false);
  });
});
