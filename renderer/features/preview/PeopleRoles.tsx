import type { KeyboardEvent } from 'react';
import { useT } from '../../i18n/useT';
import type { TextKey } from '../../i18n/texts';
import { Button, IconButton } from '../../ui/Button';
import { commonRoleCodes, normaliseRoleCode, type PeopleDraft, type RoleDraft } from './peopleDraft';
import { type FieldError, fieldId } from './PeopleForms';
import { personName } from './personas';

/** Role codes with a description in the studio's texts. */
const describedCodes = new Set<string>(['DAGL', 'LEDE', 'MEDL', 'INNH', 'REGNA', 'REVI', 'UTINN', 'SIGNE', 'ADMAI', 'PRIV']);

export interface RoleRowsProps {
  readonly draft: PeopleDraft;
  readonly error: FieldError;
  /** The code typed but not yet added, per row (kept by the dialog so a save takes it too). */
  readonly pending: Readonly<Record<string, string>>;
  readonly onPending: (key: string, text: string) => void;
  readonly onChange: (key: string, patch: Partial<Omit<RoleDraft, 'key'>>) => void;
  readonly onRemove: (key: string) => void;
  readonly onAdd: () => void;
}

/** The role assignments: per row a person, the party they act for, and their role codes. */
export function RoleRows({ draft, error, pending, onPending, onChange, onRemove, onAdd }: RoleRowsProps) {
  const t = useT();
  const personLabel = (key: string) => {
    const person = draft.persons.find((p) => p.key === key);
    return person ? personName(person) || t('people.unnamed') : '';
  };
  const addCode = (role: RoleDraft) => {
    const code = normaliseRoleCode(pending[role.key] ?? '');
    if (!code) return;
    if (!role.roles.includes(code)) onChange(role.key, { roles: [...role.roles, code] });
    onPending(role.key, '');
  };
  const onCodeKey = (event: KeyboardEvent<HTMLInputElement>, role: RoleDraft) => {
    // Enter adds the code here rather than submitting the whole dialog.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    addCode(role);
  };
  const problem = (key: string, field: string) => {
    const message = error(key, field);
    return message ? (
      <p className="field-error" id={`${fieldId(key, field)}-error`}>
        {message}
      </p>
    ) : null;
  };
  return (
    <div className="people-roles">
      {draft.roles.length === 0 ? <p className="muted">{t('people.empty.roles')}</p> : null}
      <ul className="people-role-list">
        {draft.roles.map((role) => {
          const who = personLabel(role.personKey);
          const selectProps = (field: 'personKey' | 'partyKey') => ({
            id: fieldId(role.key, field),
            className: 'select',
            'aria-invalid': error(role.key, field) ? true : undefined,
            'aria-describedby': error(role.key, field) ? `${fieldId(role.key, field)}-error` : undefined,
          });
          return (
            <li key={role.key} className="people-role" aria-label={who}>
              <div className={`field${error(role.key, 'personKey') ? ' field-invalid' : ''}`}>
                <label className="field-label" htmlFor={fieldId(role.key, 'personKey')}>
                  {t('people.field.personKey')}
                </label>
                <select {...selectProps('personKey')} value={role.personKey} onChange={(e) => onChange(role.key, { personKey: e.target.value })}>
                  {!draft.persons.some((p) => p.key === role.personKey) ? <option value="">—</option> : null}
                  {draft.persons.map((p) => (
                    <option key={p.key} value={p.key}>
                      {personName(p) || t('people.unnamed')}
                    </option>
                  ))}
                </select>
                {problem(role.key, 'personKey')}
              </div>
              <div className={`field${error(role.key, 'partyKey') ? ' field-invalid' : ''}`}>
                <label className="field-label" htmlFor={fieldId(role.key, 'partyKey')}>
                  {t('people.field.partyKey')}
                </label>
                <select {...selectProps('partyKey')} value={role.partyKey} onChange={(e) => onChange(role.key, { partyKey: e.target.value })}>
                  {![...draft.persons, ...draft.organisations].some((p) => p.key === role.partyKey) ? <option value="">—</option> : null}
                  <optgroup label={t('people.tab.organisations')}>
                    {draft.organisations.map((o) => (
                      <option key={o.key} value={o.key}>
                        {o.name.trim() || t('people.unnamed')}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label={t('people.tab.persons')}>
                    {draft.persons.map((p) => (
                      <option key={p.key} value={p.key}>
                        {personName(p) || t('people.unnamed')}
                      </option>
                    ))}
                  </optgroup>
                </select>
                {problem(role.key, 'partyKey')}
              </div>
              <div className={`field people-codes${error(role.key, 'roles') ? ' field-invalid' : ''}`}>
                <label className="field-label" htmlFor={fieldId(role.key, 'roles')}>
                  {t('people.field.roles')}
                </label>
                <ul className="chips" aria-label={t('people.field.roles')}>
                  {role.roles.map((code) => (
                    <li key={code} className="chip chip-task" title={describedCodes.has(code) ? t(`people.role.${code}` as TextKey) : undefined}>
                      {code}
                      <IconButton className="people-chip-remove" icon="close" label={t('people.roles.removeCode', { code })} onClick={() => onChange(role.key, { roles: role.roles.filter((c) => c !== code) })} />
                    </li>
                  ))}
                </ul>
                <div className="field-row">
                  <input
                    id={fieldId(role.key, 'roles')}
                    className="input people-code-input"
                    list="people-role-codes"
                    value={pending[role.key] ?? ''}
                    aria-label={t('people.roles.newCode', { person: who })}
                    aria-invalid={error(role.key, 'roles') ? true : undefined}
                    aria-describedby={error(role.key, 'roles') ? `${fieldId(role.key, 'roles')}-error` : undefined}
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(e) => onPending(role.key, e.target.value)}
                    onKeyDown={(e) => onCodeKey(e, role)}
                  />
                  <Button size="sm" onClick={() => addCode(role)} disabled={!normaliseRoleCode(pending[role.key] ?? '')}>
                    {t('people.roles.addCode')}
                  </Button>
                </div>
                {problem(role.key, 'roles')}
              </div>
              <IconButton className="people-role-remove" icon="close" label={t('people.remove.role')} onClick={() => onRemove(role.key)} />
            </li>
          );
        })}
      </ul>
      <datalist id="people-role-codes">
        {commonRoleCodes.map((code) => (
          <option key={code} value={code}>
            {describedCodes.has(code) ? t(`people.role.${code}` as TextKey) : code}
          </option>
        ))}
      </datalist>
      <p className="field-hint">{t('people.roles.hint')}</p>
      <Button size="sm" icon="plus" onClick={onAdd} disabled={draft.persons.length === 0}>
        {t('people.add.role')}
      </Button>
    </div>
  );
}
