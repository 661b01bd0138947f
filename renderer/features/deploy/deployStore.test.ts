import { describe, expect, it } from 'vitest';
import { StudioError, type DeployPhase, type DeployStatus, type RequestChannel, type StudioApi } from '../../../core/api';
import { translate } from '../../i18n/texts';
import { createDeployStore } from './deployStore';
import { runningText } from './runningText';

type Handler = (args: never) => unknown;

/** A StudioApi answering from `handlers`; the deploy waits for `release`. */
function fakeApi(handlers: Partial<Record<RequestChannel, Handler>>): StudioApi {
  return {
    invoke: (async (channel: RequestChannel, args?: unknown) => {
      const handler = handlers[channel];
      if (!handler) throw new StudioError('unknown-channel', channel);
      return handler(args as never);
    }) as StudioApi['invoke'],
    on: () => () => undefined,
  };
}

const environment = { name: 'test', url: 'http://127.0.0.1:1', hasToken: true };
const versions = { versions: [{ tag: 'v1.0.0', commit: 'a'.repeat(40) }], suggested: '1.0.1', head: 'a'.repeat(40) };
const idle: DeployStatus = { environment: 'test', reachable: true, problem: null, active: null, running: null };
const history = { environment: 'test', org: 'ttd', app: 'a', active: null, deployments: [], appUrl: 'http://127.0.0.1:1/ttd/a/' };

describe('deploy store', () => {
  it('shows the running deploy and the host\'s phase while it lasts, then the host\'s refusal with its findings and phase', async () => {
    let release: () => void = () => undefined;
    let running = false;
    let phase: DeployPhase | null = null;
    const statuses: DeployStatus[] = [];
    const store = createDeployStore(
      fakeApi({
        'deploy:environments': () => [environment],
        'deploy:versions': () => versions,
        'deploy:history': () => history,
        'deploy:status': () => (running ? { ...idle, running: { version: 'v1.0.0', kind: 'deploy', startedAt: 1000, phase } } : idle),
        'deploy:deploy': async () => {
          running = true;
          await new Promise<void>((resolve) => (release = resolve));
          running = false;
          const diagnostics = [{ file: 'App/ui/form/layouts/Side1.json', line: 12, column: 3, severity: 'error', code: 'x', message: 'Broken' }];
          const deployment = { id: 7, version: 'v1.0.0', commit: null, kind: 'deploy', by: null, at: '', result: 'failed', phase: 'checking', message: 'v1.0.0 has 1 error', diagnostics };
          return { ok: false, message: 'v1.0.0 has 1 error', diagnostics, deployment };
        },
      }),
      5,
    );
    store.subscribe((s) => {
      if (s.status) statuses.push(s.status);
    });
    await store.getState().refresh();
    expect(store.getState()).toMatchObject({ selected: 'test', versions, history });
    const deploying = store.getState().deploy('v1.0.0');
    expect(store.getState().busy).toBe('deploy');
    await expect.poll(() => statuses.some((s) => s.running?.version === 'v1.0.0')).toBe(true);
    const shown = () => runningText((key, params) => translate('en', key, params), store.getState().status!.running!, 4000);
    expect(shown()).toBe('Deploying v1.0.0: sending it to the host (3 s)…');
    phase = 'checking';
    await expect.poll(() => store.getState().status?.running?.phase).toBe('checking');
    expect(shown()).toBe('Deploying v1.0.0: checking the app (3 s)…');
    expect(runningText((key, params) => translate('nb', key, params), store.getState().status!.running!, 4000)).toBe('Publiserer v1.0.0: sjekker appen (3 s)…');
    release();
    await deploying;
    expect(store.getState().busy).toBeNull();
    expect(store.getState().status?.running).toBeNull();
    expect(store.getState().refusal).toMatchObject({ source: 'host', version: 'v1.0.0', message: 'v1.0.0 has 1 error', diagnostics: [{ line: 12 }], phase: 'checking' });
  });

  it('keeps a failure as the problem of its operation, and a check refusal with the version it was for', async () => {
    const store = createDeployStore(
      fakeApi({
        'deploy:environments': () => [],
        'deploy:versions': () => versions,
        'deploy:createVersion': (({ version }: { version: string }) =>
          version === '1.0.1'
            ? { ok: false, message: 'v1.0.1 was not created', diagnostics: [] }
            : Promise.reject(new StudioError('would-overwrite', 'There are uncommitted changes'))) as Handler,
      }),
    );
    await store.getState().refresh();
    expect(await store.getState().createVersion('1.0.2')).toBe(false);
    expect(store.getState().problem).toEqual({ operation: 'create', message: 'There are uncommitted changes' });
    expect(await store.getState().createVersion('1.0.1')).toBe(true);
    expect(store.getState().refusal).toMatchObject({ source: 'check', version: 'v1.0.1' });
  });
});
