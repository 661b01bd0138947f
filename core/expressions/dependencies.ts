/**
 * Using dependencies: whether a data change can affect an expression, and the transitive expansion
 * of component and text references into the data they read (a `component` lookup reads the target's
 * binding and every hidden rule above it; a text reads its variables).
 */
import { compileExpression } from './compile';
import { textResourceMap } from './contextSources';
import { bindingLocation, stripIndexes } from './dataPath';
import { repeatingBindingOf } from './hierarchy/build';
import { textDependencies } from './texts';
import type { DataModelLocation, DataPathDependency, ExprContextKind, ExprDependencies, ExprEnvironment } from './types';

/** Dependencies with components and texts followed to the data they read. */
export type ExpandedDependencies = ExprDependencies;

/**
 * Whether changing the data at `changed` (any indexes) can change an expression with these
 * dependencies: same data type and one path inside the other (replacing `a` replaces `a.b`).
 */
export function dependsOnDataPath(deps: ExprDependencies, changed: DataModelLocation, defaultDataType: string): boolean {
  if (deps.anyData) return true;
  const field = stripIndexes(changed.field);
  return deps.dataPaths.some((dep) => {
    if ((dep.dataType ?? defaultDataType) !== changed.dataType) return false;
    return dep.field === field || dep.field.startsWith(`${field}.`) || field.startsWith(`${dep.field}.`);
  });
}

class Expansion {
  readonly paths = new Map<string, DataPathDependency>();
  readonly contexts = new Set<ExprContextKind>();
  readonly components = new Set<string>();
  readonly texts = new Set<string>();
  anyData = false;

  constructor(private readonly env: ExprEnvironment) {}

  addPath(dataType: string | null, field: string) {
    const dep = { dataType: dataType === this.env.defaultDataType ? null : dataType, field: stripIndexes(field) };
    this.paths.set(`${dep.dataType ?? ''}\u0000${dep.field}`, dep);
  }

  addExpression(expression: unknown) {
    if (!Array.isArray(expression)) return;
    this.merge(compileExpression(expression).dependencies);
  }

  merge(deps: ExprDependencies) {
    if (deps.anyData || deps.anyComponent) this.anyData = true;
    for (const dep of deps.dataPaths) this.addPath(dep.dataType, dep.field);
    for (const kind of deps.contexts) this.contexts.add(kind);
    for (const id of deps.components) this.addComponent(id);
    for (const key of deps.textKeys) this.addText(key);
    if (deps.anyText) for (const key of textResourceMap(this.env).keys()) this.addText(key);
  }

  addText(key: string) {
    if (this.texts.has(key)) return;
    this.texts.add(key);
    const found = textDependencies(key, this.env);
    for (const location of found.data) this.addPath(location.dataType, location.field);
    if (found.settings) this.contexts.add('settings');
    if (found.instance) this.contexts.add('instance');
  }

  addComponent(id: string) {
    if (this.components.has(id)) return;
    this.components.add(id);
    const hierarchy = this.env.hierarchy;
    const definition = hierarchy?.definitions.get(id);
    if (!hierarchy || !definition) return;
    const config = definition.config;
    for (const binding of Object.values((config.dataModelBindings ?? {}) as Record<string, unknown>)) {
      const location = bindingLocation(binding, this.env.defaultDataType);
      if (location) this.addPath(location.dataType, location.field);
    }
    for (const key of ['value', 'hidden']) this.addExpression(config[key]);
    // Hidden state also comes from every container above, their rows, and the page.
    for (let parentId = definition.parentId; parentId; parentId = hierarchy.definitions.get(parentId)?.parentId) {
      const parent = hierarchy.definitions.get(parentId)!.config;
      this.addExpression(parent.hidden);
      this.addExpression(parent.hiddenRow);
      const rows = repeatingBindingOf(parent, this.env.defaultDataType);
      if (rows) this.addPath(rows.dataType, rows.field);
    }
    const page = hierarchy.pages.find((p) => p.id === definition.pageId);
    this.addExpression(page?.file.data?.hidden);
  }
}

/** Dependencies with `component`/`displayValue` targets and text keys followed into the data and contexts they read. */
export function expandDependencies(deps: ExprDependencies, env: ExprEnvironment): ExpandedDependencies {
  const expansion = new Expansion(env);
  expansion.merge(deps);
  return {
    dataPaths: [...expansion.paths.values()],
    anyData: expansion.anyData,
    components: [...expansion.components],
    anyComponent: deps.anyComponent,
    textKeys: [...expansion.texts],
    anyText: deps.anyText,
    contexts: [...expansion.contexts],
  };
}
