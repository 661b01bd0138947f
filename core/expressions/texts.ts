/**
 * Text resources with variables (§7.3), as `["text", key]` and option labels see them: `{0}`… are
 * filled from the data model (transposed into the caller's row), instance context or frontend
 * settings, and the result is looked up again as a key (the Likert pattern of storing keys in data).
 */
import { instanceContextOf, readLocation, textResourceMap } from './contextSources';
import { transposeDataPath } from './dataPath';
import type { DataModelLocation, ExprEnvironment, TextVariable } from './types';

// Recursion stops when a value is its own key, and after this many hops (a cycle of two or more keys).
const maxHops = 50;

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function variableValue(variable: TextVariable, env: ExprEnvironment, location: DataModelLocation | undefined): string {
  const key = variable.key;
  let value: string | undefined;
  if (variable.dataSource.startsWith('dataModel')) {
    const modelName = variable.dataSource.slice(variable.dataSource.indexOf('.') + 1);
    const dataType = modelName === 'default' ? env.defaultDataType : modelName;
    // `[{0}]` row markers are dropped: the row comes from transposition into the caller's location.
    const clean = key.replace(/\[\{\d+\}\]/g, '');
    const target = location ? transposeDataPath({ dataType, field: clean }, location) : { dataType, field: key };
    value = stringOf(readLocation(env, target));
  } else if (variable.dataSource === 'instanceContext') {
    const context = instanceContextOf(env) as Readonly<Record<string, string | null>>;
    value = Object.prototype.hasOwnProperty.call(context, key) ? (context[key] ?? undefined) : undefined;
  } else if (variable.dataSource === 'applicationSettings') {
    value = stringOf(env.frontendSettings?.[key]);
  }
  // A missing value shows the default, or else the key itself, so a broken variable is visible.
  return value === undefined || value === key ? (variable.defaultValue ?? key) : value;
}

/** Fills the `{n}` placeholders of one resource value. */
function fillVariables(text: string, variables: readonly TextVariable[], env: ExprEnvironment, location: DataModelLocation | undefined): string {
  let out = text;
  variables.forEach((variable, index) => {
    out = out.replaceAll(`{${index}}`, variableValue(variable, env, location));
  });
  return out;
}

/**
 * The text of a key with its variables resolved in a row context: app resource, then built-in text,
 * then the key itself. A resolved value that is itself a key is resolved again.
 */
export function resolveText(key: string, env: ExprEnvironment, location?: DataModelLocation): string {
  const resources = textResourceMap(env);
  let current = key;
  for (let hop = 0; hop < maxHops; hop++) {
    const resource = resources.get(current);
    if (!resource) {
      if (hop === 0) return stringOf(env.builtInTexts?.[current]) ?? current;
      return current;
    }
    const value = resource.variables?.length ? fillVariables(resource.value, resource.variables, env, location) : resource.value;
    if (value === current) return value;
    current = value;
  }
  return current;
}

/** The text keys and data paths a key's resolution reads (one level: values stored in data are not followed). */
export function textDependencies(key: string, env: ExprEnvironment): { keys: string[]; data: DataModelLocation[]; settings: boolean; instance: boolean } {
  const resources = textResourceMap(env);
  const out = { keys: [key], data: [] as DataModelLocation[], settings: false, instance: false };
  const seen = new Set<string>([key]);
  let current: string | undefined = key;
  while (current !== undefined) {
    const resource = resources.get(current);
    current = undefined;
    if (!resource) break;
    for (const variable of resource.variables ?? []) {
      if (variable.dataSource.startsWith('dataModel')) {
        const modelName = variable.dataSource.slice(variable.dataSource.indexOf('.') + 1);
        out.data.push({ dataType: modelName === 'default' ? env.defaultDataType : modelName, field: variable.key.replace(/\[\{\d+\}\]/g, '') });
      } else if (variable.dataSource === 'applicationSettings') out.settings = true;
      else if (variable.dataSource === 'instanceContext') out.instance = true;
    }
    if (!resource.variables?.length && !seen.has(resource.value)) {
      seen.add(resource.value);
      out.keys.push(resource.value);
      current = resource.value;
    }
  }
  return out;
}
