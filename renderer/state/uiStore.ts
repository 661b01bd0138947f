import { createStore, type StoreApi } from 'zustand/vanilla';
import { isUiLanguage, languageFromNavigator, type UiLanguage } from '../i18n/texts';

/** The areas of the studio shell, in navigation order. */
export const areaIds = ['overview', 'layout', 'code', 'texts', 'datamodel', 'process', 'preview', 'history', 'review', 'deploy'] as const;
export type AreaId = (typeof areaIds)[number];

export interface UiState {
  readonly language: UiLanguage;
  readonly area: AreaId;
  setLanguage(language: UiLanguage): void;
  setArea(area: AreaId): void;
}

export interface UiStoreEnv {
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  readonly navigatorLanguages: readonly string[];
}

const languageKey = 'studio.language';

/** The UI store: studio language (kept across sessions) and the shown area. */
export function createUiStore(env: UiStoreEnv): StoreApi<UiState> {
  let stored: string | null = null;
  try {
    stored = env.storage?.getItem(languageKey) ?? null;
  } catch {
    stored = null;
  }
  return createStore<UiState>((set) => ({
    language: isUiLanguage(stored) ? stored : languageFromNavigator(env.navigatorLanguages),
    area: 'overview',
    setLanguage: (language) => {
      try {
        env.storage?.setItem(languageKey, language);
      } catch {
        // Not kept for the next start, but the switch still works now.
      }
      set({ language });
    },
    setArea: (area) => set({ area }),
  }));
}
