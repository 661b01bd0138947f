import { describe, expect, it } from 'vitest';
import { type StudioHandlers, eventChannels, isEventChannel, isRequestChannel, requestChannels, requestChecks } from './contract';
import { dispatchRequest } from './dispatch';
import { StudioError } from './studioError';

describe('the StudioApi contract', () => {
  it('names channels domain:verb, each once', () => {
    for (const channel of [...requestChannels, ...eventChannels]) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
    expect(new Set(requestChannels).size).toBe(requestChannels.length);
  });

  it('knows its own channels and nothing else', () => {
    expect(requestChannels.every(isRequestChannel)).toBe(true);
    expect(eventChannels.every(isEventChannel)).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor', 'workspace:delete', 42, null]) {
      expect(isRequestChannel(name)).toBe(false);
      expect(isEventChannel(name)).toBe(false);
    }
  });

  it('checks arguments: types, unknown keys, no-argument channels', () => {
    expect(requestChecks['workspace:readFile']({ path: 'a.json' }, 'arguments')).toEqual({ path: 'a.json' });
    expect(() => requestChecks['workspace:readFile']({ path: '' }, 'arguments')).toThrow('arguments.path must not be empty');
    expect(() => requestChecks['workspace:readFile']({ path: 'a', extra: 1 }, 'arguments')).toThrow('arguments.extra is not a known argument');
    expect(() => requestChecks['workspace:readFile']('a.json', 'arguments')).toThrow('arguments must be an object, got string');
    expect(() => requestChecks['workspace:readFiles']({ paths: ['a', 3] }, 'arguments')).toThrow('arguments.paths[1] must be a string, got number');
    expect(() => requestChecks['studio:info']({ x: 1 }, 'arguments')).toThrow('takes no arguments');
    expect(requestChecks['folders:list']({}, 'arguments')).toEqual({});
    expect(() => requestChecks['preview:start']({ dir: '/' }, 'arguments')).toThrow('takes no arguments');
    expect(requestChecks['preview:stop'](undefined, 'arguments')).toBeUndefined();
  });

  it('checks git:fileAtHead: one relative path', () => {
    expect(requestChecks['git:fileAtHead']({ path: 'App/ui/layouts/Side1.json' }, 'arguments')).toEqual({ path: 'App/ui/layouts/Side1.json' });
    expect(() => requestChecks['git:fileAtHead']({ path: '' }, 'arguments')).toThrow('arguments.path must not be empty');
    expect(() => requestChecks['git:fileAtHead']({}, 'arguments')).toThrow();
    expect(() => requestChecks['git:fileAtHead']({ path: 'a', ref: 'HEAD~1' }, 'arguments')).toThrow('arguments.ref is not a known argument');
  });
});

describe('merge and clone arguments', () => {
  it('takes ours, theirs or a value as a conflict choice, nothing else', () => {
    const check = requestChecks['git:resolveConflict'];
    expect(check({ conflictId: 'a.json#x', choice: 'ours' }, 'arguments')).toEqual({ conflictId: 'a.json#x', choice: 'ours' });
    expect(check({ conflictId: 'a.json#x', choice: { value: '"v"' } }, 'arguments')).toEqual({ conflictId: 'a.json#x', choice: { value: '"v"' } });
    expect(() => check({ conflictId: 'a.json#x', choice: 'mine' }, 'arguments')).toThrow();
    expect(() => check({ conflictId: 'a.json#x', choice: { value: 1 } }, 'arguments')).toThrow();
    expect(() => requestChecks['git:clone']({ url: 'https://x/y.git' }, 'arguments')).toThrow();
    expect(requestChecks['git:clone']({ url: 'https://x/y.git', dir: '/tmp/y' }, 'arguments')).toEqual({ url: 'https://x/y.git', dir: '/tmp/y' });
  });
});

describe('dispatchRequest', () => {
  const handlers = Object.fromEntries(requestChannels.map((c) => [c, async () => c])) as unknown as StudioHandlers;

  it('runs the handler of a known channel with checked arguments', async () => {
    expect(await dispatchRequest(handlers, 'workspace:readFile', { path: 'x' })).toEqual({ ok: true, value: 'workspace:readFile' });
  });

  it('turns bad channels, bad arguments and thrown errors into error envelopes', async () => {
    expect(await dispatchRequest(handlers, 'shell:exec', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await dispatchRequest(handlers, 'workspace:readFile', {})).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const failing = { ...handlers, 'recent:list': async () => { throw new StudioError('io', 'disk full'); } };
    expect(await dispatchRequest(failing as never, 'recent:list', undefined)).toEqual({ ok: false, error: { code: 'io', message: 'disk full' } });
  });
});

describe('deploy arguments', () => {
  it('takes environment names and version tags that cannot mean something else', () => {
    expect(requestChecks['deploy:deploy']({ environment: 'test', version: 'v1.2.0' }, 'arguments')).toEqual({ environment: 'test', version: 'v1.2.0' });
    expect(() => requestChecks['deploy:deploy']({ environment: 'te st', version: 'v1' }, 'arguments')).toThrow('arguments.environment must be letters');
    for (const version of ['-v1', '../v1', 'v1//x', 'v 1', '']) expect(() => requestChecks['deploy:rollback']({ environment: 'test', version }, 'arguments')).toThrow();
    expect(requestChecks['deploy:saveEnvironment']({ environment: { name: 'prod', url: 'https://x' } }, 'arguments')).toEqual({ environment: { name: 'prod', url: 'https://x' } });
    expect(() => requestChecks['deploy:saveEnvironment']({ environment: { name: 'prod', url: 'https://x', token: '' } }, 'arguments')).toThrow('token must not be empty');
    expect(() => requestChecks['deploy:status']({ environment: 'test', token: 'x' }, 'arguments')).toThrow('is not a known argument');
  });
});
