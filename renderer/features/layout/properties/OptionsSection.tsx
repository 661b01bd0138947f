import type { AppModel, ComponentNode } from '../../../../core/app/model/types';
import { componentSpec, findComponentType, propertiesOf } from '../../../../core/catalog';
import { useT } from '../../../i18n/useT';
import type { PropertyPath } from './propertyCommands';
import { PropertyField } from './PropertyField';
import { codeListIds, editOptions, optionRows } from './propertyValues';

export interface OptionsSectionProps {
  readonly model: AppModel;
  readonly component: ComponentNode;
  readonly onChange: (path: PropertyPath, value: unknown, live?: boolean) => void;
}

/** The option names this section edits (the generic list leaves them out). */
export const optionProperties: ReadonlySet<string> = new Set(['options', 'optionsId', 'source']);

/** Where an option component's choices come from: inline rows, a code list, or a repeating structure. */
export function OptionsSection({ model, component, onChange }: OptionsSectionProps) {
  const t = useT();
  const type = findComponentType(component.type);
  if (!type || !componentSpec(type).options) return null;
  const rows = optionRows(component.props.options);
  const optionsId = typeof component.props.optionsId === 'string' ? component.props.optionsId : '';
  const lists = codeListIds(model);
  const source = propertiesOf(type).find((p) => p.name === 'source');
  const setOptions = (edit: Parameters<typeof editOptions>[1], live = false) => onChange(['options'], editOptions(component.props.options, edit), live);
  return (
    <section className="properties-section" aria-label={t('properties.options')}>
      <h3 className="properties-section-title">{t('properties.options')}</h3>
      <div className="field properties-field">
        <label className="field-label">
          {t('properties.options.codeList')}
          <select className="input" value={optionsId} onChange={(e) => onChange(['optionsId'], e.target.value === '' ? undefined : e.target.value)}>
            <option value="">{t('properties.options.noCodeList')}</option>
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.file ? l.id : t('properties.options.withoutFile', { id: l.id })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="properties-options">
        <thead>
          <tr>
            <th>{t('properties.options.value')}</th>
            <th>{t('properties.options.label')}</th>
            <th>
              <span className="visually-hidden">{t('properties.options.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td>
                <input className="input" aria-label={t('properties.options.valueOf', { n: i + 1 })} value={row.value} onChange={(e) => setOptions({ kind: 'set', index: i, row: { ...row, value: e.target.value } }, true)} />
              </td>
              <td>
                <input className="input" aria-label={t('properties.options.labelOf', { n: i + 1 })} value={row.label} onChange={(e) => setOptions({ kind: 'set', index: i, row: { ...row, label: e.target.value } }, true)} />
              </td>
              <td className="properties-options-actions">
                <button type="button" className="btn btn-ghost btn-sm" disabled={i === 0} aria-label={t('properties.options.up', { n: i + 1 })} onClick={() => setOptions({ kind: 'move', index: i, to: i - 1 })}>
                  ↑
                </button>
                <button type="button" className="btn btn-ghost btn-sm" disabled={i === rows.length - 1} aria-label={t('properties.options.down', { n: i + 1 })} onClick={() => setOptions({ kind: 'move', index: i, to: i + 1 })}>
                  ↓
                </button>
                <button type="button" className="btn btn-ghost btn-sm" aria-label={t('properties.options.remove', { n: i + 1 })} onClick={() => (rows.length === 1 ? onChange(['options'], undefined) : setOptions({ kind: 'remove', index: i }))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn-sm" onClick={() => setOptions({ kind: 'set', index: rows.length, row: { value: `option${rows.length + 1}`, label: '' } })}>
        {t('properties.options.add')}
      </button>
      {source ? <PropertyField info={source} value={component.props.source} onChange={(value) => onChange(['source'], value)} /> : null}
    </section>
  );
}
