import '../../styles/people.css';
import { useRef, useState } from 'react';
import type { PeopleRegistryData } from '../../../core/api';
import type { TextKey } from '../../i18n/texts';
import { useT } from '../../i18n/useT';
import { Alert } from '../../ui/Alert';
import { FormDialog } from '../../ui/FormDialog';
import { TabPanel, Tabs } from '../../ui/Tabs';
import {
  addOrganisation,
  addPerson,
  addRole,
  type DraftProblem,
  draftOf,
  draftProblems,
  normaliseRoleCode,
  type PeopleDraft,
  type PeopleSection,
  registryOf,
  removeEntry,
  updateEntry,
} from './peopleDraft';
import { EntryList, fieldId, OrganisationForm, PersonForm } from './PeopleForms';
import { RoleRows } from './PeopleRoles';
import { personName } from './personas';
import type { SaveResult } from './testPeopleStore';

const sections: readonly PeopleSection[] = ['persons', 'organisations', 'roles'];

export interface PeopleDialogProps {
  readonly registry: PeopleRegistryData;
  /** Why people.json could not be used, when it could not. */
  readonly problem: string | null;
  readonly save: (registry: PeopleRegistryData) => Promise<SaveResult>;
  readonly onSaved: () => void;
  readonly onClose: () => void;
}

/** The People editor: persons, organisations and role assignments, checked as typed, saved as one. */
export function PeopleDialog({ registry, problem, save, onSaved, onClose }: PeopleDialogProps) {
  const t = useT();
  const [draft, setDraft] = useState<PeopleDraft>(() => draftOf(registry));
  const [tab, setTab] = useState<PeopleSection>('persons');
  const [selected, setSelected] = useState<Record<'persons' | 'organisations', string | null>>(() => ({ persons: draft.persons[0]?.key ?? null, organisations: draft.organisations[0]?.key ?? null }));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // A code typed in a role row but not yet added counts, so Save never drops it.
  const withPending = (d: PeopleDraft) =>
    Object.entries(pending).reduce((acc, [key, text]) => {
      const code = normaliseRoleCode(text);
      const role = acc.roles.find((r) => r.key === key);
      return code && role && !role.roles.includes(code) ? updateEntry(acc, 'roles', key, { roles: [...role.roles, code] }) : acc;
    }, d);
  const problems = draftProblems(withPending(draft));
  const shown = (p: DraftProblem) => submitted || touched.has(`${p.key}.${p.field}`);
  const error = (key: string, field: string) => {
    const found = problems.find((p) => p.key === key && p.field === field && shown(p));
    return found ? t(found.message, found.params) : null;
  };
  const invalid = (key: string) => problems.some((p) => p.key === key);

  const change = <S extends PeopleSection>(section: S, key: string, patch: Parameters<typeof updateEntry<S>>[3]) => {
    setDraft((d) => updateEntry(d, section, key, patch));
    setTouched((prev) => new Set([...prev, ...Object.keys(patch).map((field) => `${key}.${field}`)]));
  };
  const add = (section: PeopleSection) => {
    // A new role row starts with the person last looked at, usually the one just added.
    const made = section === 'persons' ? addPerson(draft) : section === 'organisations' ? addOrganisation(draft) : addRole(draft, selected.persons ?? undefined);
    setDraft(made.draft);
    if (section !== 'roles') setSelected((s) => ({ ...s, [section]: made.key }));
    // Start typing in the new entry's first field.
    requestAnimationFrame(() => document.getElementById(fieldId(made.key, section === 'persons' ? 'firstName' : section === 'organisations' ? 'name' : 'personKey'))?.focus());
  };
  const remove = (section: PeopleSection, key: string) => {
    const next = removeEntry(draft, section, key);
    setDraft(next);
    if (section !== 'roles') setSelected((s) => ({ ...s, [section]: next[section][0]?.key ?? null }));
  };

  const entryName = (p: DraftProblem) => {
    if (p.section === 'persons') return personName(draft.persons.find((e) => e.key === p.key) ?? { firstName: '', lastName: '' }) || t('people.unnamed');
    if (p.section === 'organisations') return draft.organisations.find((e) => e.key === p.key)?.name.trim() || t('people.unnamed');
    const role = draft.roles.find((r) => r.key === p.key);
    return `${t('people.tab.roles')}: ${personName(draft.persons.find((e) => e.key === role?.personKey) ?? { firstName: '', lastName: '' }) || '—'}`;
  };
  const goTo = (p: DraftProblem) => {
    setTab(p.section);
    if (p.section !== 'roles') setSelected((s) => ({ ...s, [p.section]: p.key }));
    requestAnimationFrame(() => document.getElementById(fieldId(p.key, p.field))?.focus());
  };

  const submit = async () => {
    setSubmitted(true);
    setRefusal(null);
    const complete = withPending(draft);
    if (draftProblems(complete).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.querySelector('button')?.focus());
      return;
    }
    setDraft(complete);
    setPending({});
    setBusy(true);
    const result = await save(registryOf(complete));
    setBusy(false);
    // A refusal keeps everything as typed; the message says what the store found.
    if (result.ok) onSaved();
    else setRefusal(result.message);
  };

  const counts: Record<PeopleSection, number> = { persons: draft.persons.length, organisations: draft.organisations.length, roles: draft.roles.length };
  const visibleProblems = problems.filter(shown);
  const person = draft.persons.find((p) => p.key === selected.persons);
  const organisation = draft.organisations.find((o) => o.key === selected.organisations);

  return (
    <FormDialog
      title={t('people.dialog.title')}
      submitLabel={t('people.dialog.save')}
      canSubmit
      busy={busy}
      onSubmit={() => void submit()}
      onClose={onClose}
      width="lg"
    >
      <div className="people-editor">
        <p className="small muted">{t('people.dialog.intro')}</p>
        {problem ? (
          <Alert tone="warning">
            <p>{t('people.damaged')}</p>
            <pre className="people-message">{problem}</pre>
          </Alert>
        ) : null}
        {refusal ? (
          <Alert>
            <p>{t('people.saveRefused')}</p>
            <pre className="people-message">{refusal}</pre>
          </Alert>
        ) : null}
        {submitted && visibleProblems.length > 0 ? (
          <div className="alert alert-error people-summary" role="alert" ref={summaryRef}>
            <p>{t('people.problems.summary', { count: visibleProblems.length })}</p>
            <ul>
              {visibleProblems.map((p) => (
                <li key={`${p.key}.${p.field}`}>
                  <button type="button" className="people-summary-link" onClick={() => goTo(p)}>
                    {t('people.problems.item', { entry: entryName(p), field: t(`people.field.${p.field}` as TextKey), message: t(p.message, p.params) })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Tabs<PeopleSection>
          idPrefix="people"
          tabs={sections}
          current={tab}
          onSelect={setTab}
          label={t('people.tabs')}
          renderTab={(id) => (
            <>
              {t(`people.tab.${id}`)}
              <span className="badge">{counts[id]}</span>
              {problems.some((p) => p.section === id && shown(p)) ? <span className="people-list-problem" aria-hidden="true">!</span> : null}
            </>
          )}
        />
        <TabPanel idPrefix="people" tab={tab} className="people-panel">
          {tab === 'persons' ? (
            <EntryList
              label={t('people.tab.persons')}
              entries={draft.persons.map((p) => ({ key: p.key, name: personName(p), detail: p.personNumber, invalid: invalid(p.key) }))}
              selected={selected.persons}
              onSelect={(key) => setSelected((s) => ({ ...s, persons: key }))}
              addLabel={t('people.add.person')}
              onAdd={() => add('persons')}
              empty={t('people.empty.persons')}
            >
              {person ? <PersonForm key={person.key} entry={person} error={error} onChange={(field, value) => change('persons', person.key, { [field]: value })} onRemove={() => remove('persons', person.key)} /> : null}
            </EntryList>
          ) : tab === 'organisations' ? (
            <EntryList
              label={t('people.tab.organisations')}
              entries={draft.organisations.map((o) => ({ key: o.key, name: o.name.trim(), detail: `${o.orgNumber} · ${o.unitType}`, invalid: invalid(o.key) }))}
              selected={selected.organisations}
              onSelect={(key) => setSelected((s) => ({ ...s, organisations: key }))}
              addLabel={t('people.add.organisation')}
              onAdd={() => add('organisations')}
              empty={t('people.empty.organisations')}
            >
              {organisation ? (
                <OrganisationForm
                  key={organisation.key}
                  entry={organisation}
                  error={error}
                  onChange={(field, value) => change('organisations', organisation.key, { [field]: value })}
                  onRemove={() => remove('organisations', organisation.key)}
                />
              ) : null}
            </EntryList>
          ) : (
            <RoleRows
              draft={draft}
              error={error}
              pending={pending}
              onPending={(key, text) => setPending((p) => ({ ...p, [key]: text }))}
              onChange={(key, patch) => change('roles', key, patch)}
              onRemove={(key) => remove('roles', key)}
              onAdd={() => add('roles')}
            />
          )}
        </TabPanel>
      </div>
    </FormDialog>
  );
}
