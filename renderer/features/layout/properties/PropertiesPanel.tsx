import { useMemo } from 'react';
import { idProblem } from '../../../../core/app/layoutEdits/layoutTree';
import type { ComponentNode } from '../../../../core/app/model/types';
import { componentSpec, findComponentType, propertiesOf, type PropertyInfo } from '../../../../core/catalog';
import { allFields } from '../../../../core/datamodel';
import { commandRegistry } from '../../../commands/registry';
import { useT } from '../../../i18n/useT';
import { useAppDocument } from '../../../state/stores';
import { useLayoutEditor } from '../layoutEditorStore';
import { fieldTypeLabel } from './bindingFields';
import { BindingsSection } from './BindingsSection';
import { DraftField } from './DraftField';
import { componentIn, layoutSetContext, repeatingScopeOf } from './layoutSetContext';
import { OptionsSection, optionProperties } from './OptionsSection';
import { type PropertyPath, propertyName } from './propertyCommands';
import { PropertyField } from './PropertyField';
import { sharedValue, literalText } from './propertyValues';
import { TextsSection } from './TextsSection';

/** Shown and edited elsewhere in the panel (or never: `type`). */
const handledElsewhere = new Set(['id', 'type', 'textResourceBindings', 'dataModelBindings']);

/** Expression-capable properties first (hidden, required, readOnly…), then the rest in catalogue order. */
function orderedProperties(infos: readonly PropertyInfo[]): PropertyInfo[] {
  const shown = infos.filter((p) => !handledElsewhere.has(p.name) && !optionProperties.has(p.name) && !p.deprecated);
  return [...shown.filter((p) => p.expression), ...shown.filter((p) => !p.expression)];
}

/** The properties of the selected component(s) in the layout editor. */
export function PropertiesPanel() {
  const t = useT();
  const model = useAppDocument((s) => s.model);
  const folderId = useLayoutEditor((s) => s.folderId);
  const selection = useLayoutEditor((s) => s.selection);
  const context = useMemo(() => (model && folderId ? layoutSetContext(model, folderId) : null), [model, folderId]);
  const components = context ? selection.flatMap((id) => componentIn(context, id) ?? []) : [];

  let body;
  if (!model || !context || components.length === 0) body = <p className="properties-empty">{t('properties.selectComponent')}</p>;
  else if (components.length > 1) body = <SharedProperties components={components} />;
  else body = <ComponentProperties component={components[0]!} />;
  return (
    <aside className="properties-panel" aria-label={t('properties.title')}>
      <h2 className="properties-title">{t('properties.title')}</h2>
      {body}
    </aside>
  );
}

/** Reports a failed command the way a field shows it. */
async function run(...args: Parameters<typeof commandRegistry.runCommand>): Promise<string | null> {
  const result = await commandRegistry.runCommand(...args);
  return result.ok ? null : result.reason === 'failed' ? result.message : null;
}

function ComponentProperties({ component }: { readonly component: ComponentNode }) {
  const t = useT();
  const model = useAppDocument((s) => s.model)!;
  const folderId = component.folderId;
  const language = useLayoutEditor((s) => s.language);
  const context = useMemo(() => layoutSetContext(model, folderId)!, [model, folderId]);
  const scope = repeatingScopeOf(context, component.id);
  const type = findComponentType(component.type);
  const infos = type ? orderedProperties(propertiesOf(type)) : [];
  const ids = new Set(context.componentIds);
  const choices = useMemo(
    () => ({
      fields: context.tree ? allFields(context.tree).filter((f) => !f.altinnRowId).map((f) => ({ path: f.path, typeLabel: fieldTypeLabel(f), depth: 0 })) : [],
      componentIds: context.componentIds,
    }),
    [context],
  );
  const setProperty = (path: PropertyPath, value: unknown, live = false) =>
    void run('properties.setProperty', { folderId, id: component.id, path, value, ...(live ? { mergeKey: `${component.id}:${propertyName(path)}` } : {}) });

  return (
    <div className="properties-body" data-component={component.id}>
      <header className="properties-header">
        <span className="properties-type">{type ? componentSpec(type).displayName : component.type}</span>
        {type ? <p className="properties-description">{componentSpec(type).description}</p> : <p className="field-error">{t('properties.unknownType', { type: component.type })}</p>}
        <DraftField
          key={component.id}
          label={t('properties.id')}
          value={component.id}
          testId="component-id"
          hint={t('properties.idHint')}
          onCommit={(text) => {
            const next = text.trim();
            if (next === component.id) return null;
            const problem = idProblem(next);
            if (problem) return problem;
            if (ids.has(next)) return t('properties.idTaken', { id: next });
            void run('properties.rename', { folderId, id: component.id, newId: next });
            return null;
          }}
        />
      </header>
      <BindingsSection component={component} context={context} scope={scope} onChange={(key, path) => setProperty(['dataModelBindings', key], path)} />
      <TextsSection model={model} component={component} onText={(binding, lang, value) => void run('properties.setText', { folderId, id: component.id, binding, language: lang, value })} />
      <OptionsSection model={model} component={component} onChange={setProperty} />
      <section className="properties-section" aria-label={t('properties.properties')}>
        <h3 className="properties-section-title">{t('properties.properties')}</h3>
        {infos.map((info) => (
          <PropertyField
            key={`${component.id}:${info.name}`}
            info={info}
            value={component.props[info.name]}
            onChange={(value, live) => setProperty([info.name], value, live)}
            expression={{ model, context, componentId: component.id, choices, language }}
          />
        ))}
      </section>
    </div>
  );
}

/** Several components: their count, and the values they share of the properties their types share. */
function SharedProperties({ components }: { readonly components: readonly ComponentNode[] }) {
  const t = useT();
  const names = components
    .map((c) => {
      const type = findComponentType(c.type);
      return new Set(type ? propertiesOf(type).map((p) => p.name) : []);
    })
    .reduce((a, b) => new Set([...a].filter((n) => b.has(n))));
  const shared = [...names].filter((n) => n !== 'id' && components.some((c) => c.props[n] !== undefined));
  return (
    <div className="properties-body">
      <p className="properties-count">{t('properties.manySelected', { count: components.length })}</p>
      <dl className="properties-shared-list">
        <dt>{t('properties.types')}</dt>
        <dd>{[...new Set(components.map((c) => c.type))].join(', ')}</dd>
        {shared.map((name) => {
          const { mixed, value } = sharedValue(components, name);
          return [<dt key={`${name}-t`}><code>{name}</code></dt>, <dd key={`${name}-d`}>{mixed ? t('properties.mixed') : literalText(value) || t('properties.notSet')}</dd>];
        })}
      </dl>
    </div>
  );
}
