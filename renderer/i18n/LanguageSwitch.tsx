import { useId } from 'react';
import { uiStore, useUi } from '../state/stores';
import { Icon } from '../ui/Icon';
import { isUiLanguage, uiLanguages } from './texts';
import { useT } from './useT';

/** The studio language picker; the choice is kept for the next start. */
export function LanguageSwitch() {
  const t = useT();
  const language = useUi((s) => s.language);
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <Icon name="globe" />
      <select
        id={id}
        className="select select-sm"
        value={language}
        onChange={(e) => {
          if (isUiLanguage(e.target.value)) uiStore.getState().setLanguage(e.target.value);
        }}
      >
        {uiLanguages.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
