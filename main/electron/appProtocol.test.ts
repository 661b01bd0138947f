import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { studioRoot } from '../services/studioRoot';
import { studioCsp } from './appFiles';
import { registerAppScheme, rendererRoot, serveAppProtocol } from './appProtocol';
import { fakeElectron, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

let root: string;

beforeEach(async () => {
  resetFakeElectron();
  root = await mkdtemp(path.join(os.tmpdir(), 'studio-protocol-'));
  await mkdir(root, { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
});

afterEach(() => rm(root, { recursive: true, force: true }));

describe('registerAppScheme', () => {
  it('registers app as a standard, secure, fetch-capable scheme without CORS or CSP bypass', () => {
    registerAppScheme();
    expect(fakeElectron.protocol.privileged).toHaveLength(1);
    const [scheme] = fakeElectron.protocol.privileged;
    expect(scheme?.scheme).toBe('app');
    expect(scheme?.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(scheme?.privileges).not.toHaveProperty('bypassCSP');
    expect(scheme?.privileges).not.toHaveProperty('corsEnabled');
  });
});

describe('serveAppProtocol', () => {
  it('serves the renderer folder on app:// with the CSP', async () => {
    serveAppProtocol(root);
    const response = await fakeElectron.protocol.handlers.get('app')?.({ url: 'app://studio/', method: 'GET' });
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toBe(studioCsp);
  });

  it('refuses every file:// request', async () => {
    serveAppProtocol(root);
    const response = await fakeElectron.protocol.handlers.get('file')?.({ url: `file://${path.join(root, 'index.html')}`, method: 'GET' });
    expect(response?.status).toBe(403);
    expect(await response?.text()).not.toContain('doctype');
  });

  it('defaults to out/renderer of the studio folder', () => {
    expect(rendererRoot()).toBe(path.join(studioRoot(), 'out', 'renderer'));
  });
});
