import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n/useT';
import { Button } from '../../ui/Button';
import { PeopleDialog } from './PeopleDialog';
import { personaOptions } from './personas';
import { testPeopleStore, useTestPeople } from './testPeople';
import { personaFor } from './testPeopleStore';

/** The persona the app's preview acts as (null until the test people are read). */
export function usePreviewPersona(appDir: string): string | null {
  return useTestPeople((s) => personaFor(s, appDir));
}

/**
 * "View as": which test person or organisation the framed form app acts as, kept per app for the
 * session, and the way into the People editor. The chosen persona shows in the picker at all times.
 */
export function PersonaPicker({ appDir, onPeopleSaved }: { readonly appDir: string; readonly onPeopleSaved: () => void }) {
  const t = useT();
  const registry = useTestPeople((s) => s.registry);
  const problem = useTestPeople((s) => s.problem);
  const loadError = useTestPeople((s) => s.error);
  const persona = usePreviewPersona(appDir);
  const [editing, setEditing] = useState(false);
  const options = useMemo(() => (registry ? personaOptions(registry, t) : []), [registry, t]);
  const current = options.find((o) => o.id === persona);

  useEffect(() => {
    void testPeopleStore.getState().load();
  }, []);

  const persons = options.filter((o) => o.kind === 'person');
  const organisations = options.filter((o) => o.kind === 'organisation');
  return (
    <div className="preview-persona">
      <label className="preview-language">
        <span>{t('people.viewAs')}</span>
        <select
          className="select select-sm preview-persona-select"
          value={persona ?? ''}
          disabled={!registry || options.length === 0}
          title={current?.label}
          data-testid="preview-persona"
          onChange={(event) => testPeopleStore.getState().choosePersona(appDir, event.target.value)}
        >
          {!registry ? <option value="">{loadError ? t('people.loadFailed', { message: loadError }) : t('people.persona.loading')}</option> : null}
          {registry && options.length === 0 ? <option value="">{t('people.persona.none')}</option> : null}
          {persons.length > 0 ? (
            <optgroup label={t('people.tab.persons')}>
              {persons.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : null}
          {organisations.length > 0 ? (
            <optgroup label={t('people.tab.organisations')}>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      {problem ? (
        <span className="badge badge-warning" title={problem}>
          {t('people.damagedShort')}
        </span>
      ) : null}
      <Button size="sm" disabled={!registry} onClick={() => setEditing(true)}>
        {t('people.manage')}
      </Button>
      {editing && registry ? (
        <PeopleDialog
          registry={registry}
          problem={problem}
          save={(next) => testPeopleStore.getState().save(next)}
          onSaved={() => {
            setEditing(false);
            onPeopleSaved();
          }}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </div>
  );
}
