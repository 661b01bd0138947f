import { findComponentType, bindingsOf } from '../../../../core/catalog';
import type { ComponentNode } from '../../../../core/app/model/types';
import { useT } from '../../../i18n/useT';
import { bindingPath, bindingProblem, fieldsForBinding } from './bindingFields';
import type { LayoutSetContext } from './layoutSetContext';

export interface BindingsSectionProps {
  readonly component: ComponentNode;
  readonly context: LayoutSetContext;
  readonly scope: string | null;
  readonly onChange: (key: string, path: string | undefined) => void;
}

/** A field picker per data model binding of the type, offering only the fields that fit. */
export function BindingsSection({ component, context, scope, onChange }: BindingsSectionProps) {
  const t = useT();
  const type = findComponentType(component.type);
  if (!type) return null;
  const { bindings } = bindingsOf(type);
  if (bindings.length === 0) return null;
  const written = (component.props.dataModelBindings ?? {}) as Record<string, unknown>;
  return (
    <section className="properties-section" aria-label={t('properties.bindings')}>
      <h3 className="properties-section-title">{t('properties.bindings')}</h3>
      {!context.tree ? <p className="properties-note">{context.dataType ? t('properties.binding.noModel', { dataType: context.dataType }) : t('properties.binding.noDataType')}</p> : null}
      {scope ? <p className="properties-note">{t('properties.binding.inGroup', { path: scope })}</p> : null}
      {bindings.map((binding) => {
        const path = bindingPath(written[binding.key]);
        const choices = context.tree ? fieldsForBinding(context.tree, binding.shape, scope) : [];
        const problem = bindingProblem(context.tree, binding.shape, path);
        const id = `binding-${component.id}-${binding.key}`;
        return (
          <div key={binding.key} className={['field', 'properties-field', problem ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
            <label className="field-label" htmlFor={id}>
              <code>{binding.key}</code>
              {binding.required ? <span className="properties-required">{t('properties.requiredMark')}</span> : null}
              <span className="properties-description">{binding.description}</span>
            </label>
            <select id={id} className="input" value={path} aria-invalid={problem ? true : undefined} onChange={(e) => onChange(binding.key, e.target.value === '' ? undefined : e.target.value)}>
              <option value="">{t('properties.binding.none')}</option>
              {path !== '' && !choices.some((c) => c.path === path) ? <option value={path}>{t('properties.binding.missingOption', { path })}</option> : null}
              {choices.map((c) => (
                <option key={c.path} value={c.path}>
                  {`${'\u00a0\u00a0'.repeat(c.depth)}${c.path} — ${c.typeLabel}`}
                </option>
              ))}
            </select>
            {problem ? (
              <p className="field-error" role="alert">
                {problem === 'missing' ? t('properties.binding.missing', { path }) : t('properties.binding.wrongShape', { path })}
              </p>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
