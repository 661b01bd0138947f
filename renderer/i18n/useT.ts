import { useCallback } from 'react';
import { useUi } from '../state/stores';
import { translate, type Translate } from './texts';

/** The translate function for the current UI language. */
export function useT(): Translate {
  const language = useUi((s) => s.language);
  return useCallback<Translate>((key, params) => translate(language, key, params), [language]);
}
