import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import type { TextKey } from '../../i18n/texts';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { commonUnitTypes, type OrganisationDraft, type OrganisationField, type PersonDraft, type PersonField } from './peopleDraft';

/** The error shown at a field, or null (a field shows its problem once touched or after a save attempt). */
export type FieldError = (key: string, field: string) => string | null;

/** The id of a field's input, so the problem summary can move focus to it. */
export const fieldId = (key: string, field: string) => `people-${key}-${field}`;

/** One entry in a list beside its form: the list of names, Add below it, the chosen entry's form beside. */
export function EntryList(props: {
  readonly label: string;
  readonly entries: readonly { readonly key: string; readonly name: string; readonly detail: string; readonly invalid: boolean }[];
  readonly selected: string | null;
  readonly onSelect: (key: string) => void;
  readonly addLabel: string;
  readonly onAdd: () => void;
  readonly empty: string;
  readonly children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="people-split">
      <div className="people-list-column">
        <ul className="people-list" aria-label={props.label}>
          {props.entries.map((entry) => (
            <li key={entry.key}>
              <button
                type="button"
                className={`list-button people-list-item${entry.key === props.selected ? ' people-list-item-selected' : ''}`}
                aria-current={entry.key === props.selected ? 'true' : undefined}
                onClick={() => props.onSelect(entry.key)}
              >
                <span className="people-list-name">
                  {entry.name || t('people.unnamed')}
                  {entry.invalid ? (
                    <span className="people-list-problem" title={t('people.hasProblems')}>
                      <span aria-hidden="true">!</span>
                      <span className="visually-hidden">{t('people.hasProblems')}</span>
                    </span>
                  ) : null}
                </span>
                <span className="people-list-detail">{entry.detail}</span>
              </button>
            </li>
          ))}
        </ul>
        <Button size="sm" icon="plus" onClick={props.onAdd}>
          {props.addLabel}
        </Button>
      </div>
      <div className="people-detail">{props.entries.length === 0 ? <p className="muted">{props.empty}</p> : props.children}</div>
    </div>
  );
}

interface FormProps<D, F extends string> {
  readonly entry: D;
  readonly error: FieldError;
  readonly onChange: (field: F, value: string) => void;
  readonly onRemove: () => void;
}

/** A text field of an entry, labelled and with its problem. */
function Field<F extends string>({ entryKey, field, value, error, onChange, hint, list, wide }: {
  readonly entryKey: string;
  readonly field: F;
  readonly value: string;
  readonly error: FieldError;
  readonly onChange: (field: F, value: string) => void;
  readonly hint?: string;
  readonly list?: string;
  readonly wide?: boolean;
}) {
  const t = useT();
  return (
    <TextField
      id={fieldId(entryKey, field)}
      className={wide ? 'people-field-wide' : undefined}
      label={t(`people.field.${field}` as TextKey)}
      value={value}
      onChange={(next) => onChange(field, next)}
      error={error(entryKey, field)}
      hint={hint}
      list={list}
    />
  );
}

/** A person's form: names, person number, ids, contact and home address. */
export function PersonForm({ entry, error, onChange, onRemove }: FormProps<PersonDraft, PersonField>) {
  const t = useT();
  const field = (name: PersonField, extra: { hint?: string; wide?: boolean } = {}) => (
    <Field entryKey={entry.key} field={name} value={entry[name]} error={error} onChange={onChange} {...extra} />
  );
  return (
    <fieldset className="people-form">
      <legend className="visually-hidden">{t('people.tab.persons')}</legend>
      <div className="people-grid">
        {field('firstName')}
        {field('middleName')}
        {field('lastName')}
        {field('personNumber', { hint: t('people.hint.personNumber') })}
        {field('userId')}
        {field('partyId')}
        {field('email')}
        {field('mobileNumber')}
        {field('streetName')}
        {field('houseNumber')}
        {field('postalCode')}
        {field('city')}
      </div>
      <div className="people-form-actions">
        <Button size="sm" variant="danger" onClick={onRemove} title={t('people.removeNote')}>
          {t('people.remove.person')}
        </Button>
      </div>
    </fieldset>
  );
}

/** An organisation's form: name, numbers, unit type and service owner. */
export function OrganisationForm({ entry, error, onChange, onRemove }: FormProps<OrganisationDraft, OrganisationField>) {
  const t = useT();
  const field = (name: OrganisationField, extra: { hint?: string; list?: string; wide?: boolean } = {}) => (
    <Field entryKey={entry.key} field={name} value={entry[name]} error={error} onChange={onChange} {...extra} />
  );
  return (
    <fieldset className="people-form">
      <legend className="visually-hidden">{t('people.tab.organisations')}</legend>
      <div className="people-grid">
        {field('name', { wide: true })}
        {field('orgNumber', { hint: t('people.hint.orgNumber') })}
        {field('unitType', { list: 'people-unit-types' })}
        {field('partyId')}
        {field('parentOrgNumber')}
        {field('email')}
        {field('serviceOwner', { hint: t('people.hint.serviceOwner') })}
      </div>
      <datalist id="people-unit-types">
        {commonUnitTypes.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <div className="people-form-actions">
        <Button size="sm" variant="danger" onClick={onRemove} title={t('people.removeNote')}>
          {t('people.remove.organisation')}
        </Button>
      </div>
    </fieldset>
  );
}
