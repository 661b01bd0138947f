import fs from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatchRequest, requestChannels } from '../../core/api';
import { tempDirs, writeMinimalApp } from '../testing/tempDirs';
import { createStudioServices } from './studioServices';

const temp = tempDirs();
afterAll(() => temp.cleanup());

describe('createStudioServices', () => {
  const services = createStudioServices({ host: 'web', configDir: temp.make() });

  it('has a handler for every channel of the contract', () => {
    for (const channel of requestChannels) expect(typeof services.handlers[channel], channel).toBe('function');
    expect(Object.keys(services.handlers).sort()).toEqual([...requestChannels].sort());
  });

  it('remembers opened apps in the recent list', async () => {
    const dir = temp.make();
    await writeMinimalApp(dir);
    const opened = await dispatchRequest(services.handlers, 'workspace:open', { dir });
    expect(opened).toMatchObject({ ok: true });
    expect(await dispatchRequest(services.handlers, 'recent:list', undefined)).toMatchObject({ ok: true, value: [{ available: true }] });
  });

  it('watches the open app for changes made by other programs, until it is closed', async () => {
    const dir = temp.make();
    await writeMinimalApp(dir);
    const opened = await services.handlers['workspace:open']({ dir });
    await services.watcher.ready();
    expect(services.watcher.watching).toBe(opened.dir);
    const changed = new Promise<unknown>((resolve) => {
      const off = services.events.subscribe((event, payload) => {
        if (event === 'files:changed') {
          off();
          resolve(payload);
        }
      });
    });
    await writeFile(path.join(opened.dir, 'App/config/texts.json'), '{}');
    expect(await changed).toEqual({ dir: opened.dir, paths: ['App/config/texts.json'] });
    await dispatchRequest(services.handlers, 'workspace:close', undefined);
    expect(services.watcher.watching).toBeNull();
  });

  it('reads a file as the last commit has it: null when new, a clear error when there is no commit', async () => {
    const dir = temp.make();
    await writeMinimalApp(dir, { 'App/ui/layouts/Side1.json': '{"data":{"layout":[]}}\n' });
    const opened = await services.handlers['workspace:open']({ dir });
    expect(await dispatchRequest(services.handlers, 'git:fileAtHead', { path: 'App/ui/layouts/Side1.json' })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('not a git repository') } });
    await git.init({ fs, dir: opened.dir, defaultBranch: 'main' });
    expect(await dispatchRequest(services.handlers, 'git:fileAtHead', { path: 'App/ui/layouts/Side1.json' })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('no commits') } });
    await git.add({ fs, dir: opened.dir, filepath: ['App'] });
    await git.commit({ fs, dir: opened.dir, message: 'First', author: { name: 'Test', email: 'test@example.com' } });
    await writeFile(path.join(opened.dir, 'App/ui/layouts/Side1.json'), '{}');
    await writeFile(path.join(opened.dir, 'App/ui/layouts/Side2.json'), '{}');
    expect(await dispatchRequest(services.handlers, 'git:fileAtHead', { path: 'App/ui/layouts/Side1.json' })).toEqual({ ok: true, value: { content: '{"data":{"layout":[]}}\n' } });
    expect(await dispatchRequest(services.handlers, 'git:fileAtHead', { path: 'App/ui/layouts/Side2.json' })).toEqual({ ok: true, value: { content: null } });
    expect(await dispatchRequest(services.handlers, 'git:fileAtHead', { path: '../x' })).toMatchObject({ ok: false, error: { code: 'outside-app' } });
    await dispatchRequest(services.handlers, 'workspace:close', undefined);
  });

  it('says the browser host has no native folder dialog', async () => {
    expect(await dispatchRequest(services.handlers, 'dialog:pickFolder', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
