/**
 * The studio's test people as the Preview area uses them: the registry from `people:get`, saving it
 * back, and which persona each app's preview acts as. One store per window, so the chosen persona
 * lasts the session (leaving the Preview area or switching apps keeps it).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PeopleRegistryData, StudioApi } from '../../../core/api';
import { errorData } from '../../state/workspaceStore';
import { effectivePersona } from './personas';

export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

export interface TestPeopleState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly registry: PeopleRegistryData | null;
  /** Why people.json could not be used (the default people stand in until a save replaces it). */
  readonly problem: string | null;
  /** Why the people could not be read at all. */
  readonly error: string | null;
  /** The persona chosen per app folder. */
  readonly personaByApp: Readonly<Record<string, string>>;
  /** Reads the registry (again); the last one read stays in place meanwhile. */
  load(): Promise<void>;
  /** Saves `registry`; on a refusal the store is unchanged and the message says what is wrong. */
  save(registry: PeopleRegistryData): Promise<SaveResult>;
  choosePersona(appDir: string, persona: string): void;
}

/** The test-people store on `api`. */
export function createTestPeopleStore(api: StudioApi): StoreApi<TestPeopleState> {
  let attempt = 0;
  return createStore<TestPeopleState>((set) => ({
    status: 'idle',
    registry: null,
    problem: null,
    error: null,
    personaByApp: {},
    load: async () => {
      const mine = ++attempt;
      set((s) => ({ status: s.registry ? s.status : 'loading' }));
      try {
        const { registry, problem } = await api.invoke('people:get');
        if (mine === attempt) set({ status: 'ready', registry, problem, error: null });
      } catch (error) {
        if (mine === attempt) set((s) => ({ status: s.registry ? 'ready' : 'failed', error: errorData(error).message }));
      }
    },
    save: async (registry) => {
      try {
        await api.invoke('people:save', { registry });
      } catch (error) {
        return { ok: false, message: errorData(error).message };
      }
      // A read that started before the save must not put the old people back.
      attempt++;
      set({ status: 'ready', registry, problem: null, error: null });
      return { ok: true };
    },
    choosePersona: (appDir, persona) => set((s) => ({ personaByApp: { ...s.personaByApp, [appDir]: persona } })),
  }));
}

/** The persona `appDir`'s preview acts as: the chosen one while it exists, else the default; null before the people are read. */
export function personaFor(state: Pick<TestPeopleState, 'registry' | 'personaByApp'>, appDir: string): string | null {
  return state.registry ? effectivePersona(state.registry, state.personaByApp[appDir]) : null;
}
