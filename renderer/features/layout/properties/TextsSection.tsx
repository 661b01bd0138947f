import type { AppModel, ComponentNode } from '../../../../core/app/model/types';
import { useT } from '../../../i18n/useT';
import { useUi } from '../../../state/stores';
import { DraftField } from './DraftField';
import { appLanguages, textBindingRows } from './textBindings';

export interface TextsSectionProps {
  readonly model: AppModel;
  readonly component: ComponentNode;
  readonly onText: (binding: string, language: string, value: string) => void;
}

/** The name of a language in the studio's UI language (`nb` → "Norwegian Bokmål"). */
function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every text binding of the component, one field per language of the app. */
export function TextsSection({ model, component, onText }: TextsSectionProps) {
  const t = useT();
  const uiLanguage = useUi((s) => s.language);
  const languages = appLanguages(model);
  const rows = textBindingRows(model, component);
  if (rows.length === 0) return null;
  return (
    <section className="properties-section" aria-label={t('properties.texts')}>
      <h3 className="properties-section-title">{t('properties.texts')}</h3>
      {languages.length === 0 ? <p className="properties-note">{t('properties.text.noLanguages')}</p> : null}
      {rows.map(({ info, value }) => (
        <div key={info.key} className="properties-text" data-binding={info.key}>
          <div className="properties-text-head">
            <code>{info.key}</code>
            {value.kind === 'key' ? <span className="properties-meta">{t('properties.text.key', { key: value.key })}</span> : null}
            {value.kind === 'key' && value.usedBy > 1 ? <span className="properties-shared">{t('properties.text.shared', { count: value.usedBy })}</span> : null}
            {info.description ? <span className="properties-description">{info.description}</span> : null}
          </div>
          {value.kind === 'expression' ? (
            <p className="properties-note">
              {t('properties.text.expression')} <code>{JSON.stringify(value.expression)}</code>
            </p>
          ) : (
            languages.map((language) => (
              <DraftField
                key={language}
                live
                lang={language}
                label={t('properties.text.inLanguage', { binding: info.key, language: languageName(language, uiLanguage) })}
                value={value.kind === 'key' ? (value.values[language] ?? '') : value.kind === 'literal' ? value.text : ''}
                hint={value.kind === 'literal' ? t('properties.text.literal') : undefined}
                onCommit={(text) => {
                  onText(info.key, language, text);
                  return null;
                }}
              />
            ))
          )}
        </div>
      ))}
    </section>
  );
}
