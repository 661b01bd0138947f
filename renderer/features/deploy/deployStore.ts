/**
 * The Deploy area's state: the studio's environments, the app's versions, the chosen environment's
 * history and status, and the operations the area offers. A refusal (the check's errors, the host's)
 * is kept with its diagnostics so the area can list them; a failure keeps what the person typed.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  StudioError,
  type DeployDiagnostic,
  type DeployEnvironment,
  type DeployEnvironmentInput,
  type DeployHistory,
  type DeployPhase,
  type DeployStatus,
  type DeployVersions,
  type StudioApi,
} from '../../../core/api';
import type { TextKey, TextParams } from '../../i18n/texts';

export type DeployOperation = 'load' | 'environment' | 'remove' | 'create' | 'deploy' | 'rollback' | 'history';

/** A refused version: what said no, why, the host's phase it stopped in, and the findings to fix. */
export interface DeployRefusal {
  readonly source: 'check' | 'host';
  readonly version: string;
  readonly message: string;
  readonly diagnostics: readonly DeployDiagnostic[];
  readonly phase?: DeployPhase | null;
}

export interface DeployNotice {
  readonly key: TextKey;
  readonly params?: TextParams;
}

export interface DeployState {
  readonly environments: readonly DeployEnvironment[] | null;
  readonly selected: string | null;
  readonly versions: DeployVersions | null;
  readonly history: DeployHistory | null;
  readonly status: DeployStatus | null;
  readonly busy: DeployOperation | null;
  readonly problem: { readonly operation: DeployOperation; readonly message: string } | null;
  readonly refusal: DeployRefusal | null;
  readonly notice: DeployNotice | null;
  refresh(): Promise<void>;
  select(name: string): Promise<void>;
  saveEnvironment(environment: DeployEnvironmentInput, previousName?: string): Promise<boolean>;
  removeEnvironment(name: string): Promise<void>;
  createVersion(version: string, message?: string): Promise<boolean>;
  deploy(version: string): Promise<void>;
  rollback(version: string): Promise<void>;
  refreshEnvironment(): Promise<void>;
  dismiss(): void;
}

const messageOf = (error: unknown) => (error instanceof StudioError || error instanceof Error ? error.message : String(error));

/** A deploy store over `api`; `pollMs` is how often the status (with the host's phase) is read while a deploy runs. */
export function createDeployStore(api: StudioApi, pollMs = 700): StoreApi<DeployState> {
  return createStore<DeployState>((set, get) => {
    const failed = (operation: DeployOperation, error: unknown) => set({ problem: { operation, message: messageOf(error) } });

    /** Runs `work` as `operation`: busy while it runs, its failure kept as the problem. */
    const run = async <T>(operation: DeployOperation, work: () => Promise<T>): Promise<T | undefined> => {
      set({ busy: operation, problem: null });
      try {
        return await work();
      } catch (error) {
        failed(operation, error);
        return undefined;
      } finally {
        set({ busy: null });
      }
    };

    const loadEnvironment = async (name: string) => {
      // The status first: it says why the history cannot be read when the host is down.
      const status = await api.invoke('deploy:status', { environment: name });
      if (get().selected !== name) return;
      set({ status });
      if (!status.reachable || status.problem) {
        set({ history: null });
        return;
      }
      const history = await api.invoke('deploy:history', { environment: name });
      if (get().selected === name) set({ history });
    };

    /** Reads the status while `work` runs, so the area shows the deploy live. */
    const whileRunning = async <T>(name: string, work: Promise<T>): Promise<T> => {
      let done = false;
      const poll = async () => {
        while (!done) {
          await new Promise((resolve) => setTimeout(resolve, pollMs));
          if (done) break;
          const status = await api.invoke('deploy:status', { environment: name }).catch(() => null);
          if (status && !done && get().selected === name) set({ status });
        }
      };
      void poll();
      try {
        return await work;
      } finally {
        done = true;
      }
    };

    return {
      environments: null,
      selected: null,
      versions: null,
      history: null,
      status: null,
      busy: null,
      problem: null,
      refusal: null,
      notice: null,

      refresh: async () => {
        await run('load', async () => {
          const environments = await api.invoke('deploy:environments');
          const selected = environments.some((e) => e.name === get().selected) ? get().selected : (environments[0]?.name ?? null);
          set({ environments, selected });
          // No repository yet: the environments still show; the versions say why they cannot.
          set({ versions: await api.invoke('deploy:versions') });
        });
        const selected = get().selected;
        if (selected) await get().select(selected);
      },

      select: async (name) => {
        set({ selected: name, history: null, status: null });
        await run('history', () => loadEnvironment(name));
      },

      saveEnvironment: async (environment, previousName) => {
        const environments = await run('environment', () => api.invoke('deploy:saveEnvironment', { environment, ...(previousName ? { previousName } : {}) }));
        if (!environments) return false;
        set({ environments, notice: { key: 'deploy.notice.saved', params: { name: environment.name } } });
        await get().select(environment.name);
        return true;
      },

      removeEnvironment: async (name) => {
        const environments = await run('remove', () => api.invoke('deploy:removeEnvironment', { name }));
        if (!environments) return;
        const selected = environments[0]?.name ?? null;
        set({ environments, selected, history: null, status: null });
        if (selected) await get().select(selected);
      },

      createVersion: async (version, message) => {
        set({ refusal: null, notice: null });
        const result = await run('create', () => api.invoke('deploy:createVersion', { version, ...(message ? { message } : {}) }));
        if (!result) return false;
        if (!result.ok) {
          set({ refusal: { source: 'check', version: `v${version.replace(/^v/, '')}`, message: result.message, diagnostics: result.diagnostics } });
          return true;
        }
        set({ notice: { key: 'deploy.notice.created', params: { version: result.version.tag } } });
        const versions = await api.invoke('deploy:versions').catch(() => null);
        if (versions) set({ versions });
        return true;
      },

      deploy: async (version) => {
        const name = get().selected;
        if (!name) return;
        set({ refusal: null, notice: null });
        const outcome = await run('deploy', () => whileRunning(name, api.invoke('deploy:deploy', { environment: name, version })));
        if (outcome && !outcome.ok) set({ refusal: { source: 'host', version, message: outcome.message, diagnostics: outcome.diagnostics, phase: outcome.deployment?.phase ?? null } });
        if (outcome?.ok) set({ notice: { key: 'deploy.notice.deployed', params: { version, environment: name } } });
        await run('history', () => loadEnvironment(name));
      },

      rollback: async (version) => {
        const name = get().selected;
        if (!name) return;
        set({ refusal: null, notice: null });
        const outcome = await run('rollback', () => whileRunning(name, api.invoke('deploy:rollback', { environment: name, version })));
        if (outcome && !outcome.ok) set({ problem: { operation: 'rollback', message: outcome.message } });
        if (outcome?.ok) set({ notice: { key: 'deploy.notice.rolledBack', params: { version, environment: name } } });
        await run('history', () => loadEnvironment(name));
      },

      refreshEnvironment: async () => {
        const name = get().selected;
        if (name) await run('history', () => loadEnvironment(name));
      },

      dismiss: () => set({ problem: null, notice: null, refusal: null }),
    };
  });
}
