/**
 * Functions that read the world around the expression: form data (transposed into the caller's row),
 * other components, texts, code lists, the instance, the process, settings and caller arguments.
 */
import { dataElementsOf, hasDataType, instanceContextKeys, instanceContextOf, readLocation, readScalar } from '../contextSources';
import { bindingLocation, readDataPath, transposeDataPath } from '../dataPath';
import { displayValueOf, hasDisplayValue } from '../displayValue';
import { isHidden } from '../hierarchy/hidden';
import { resolveComponentId } from '../hierarchy/lookup';
import type { ComponentNode } from '../hierarchy/types';
import { resolveText } from '../texts';
import { ExprRuntimeError, formEncode, looseEquals, type Implementation, type Runtime } from './shared';

const authKeys = new Set(['read', 'write', 'instantiate', 'confirm', 'sign', 'reject', 'complete']);

/** The layout definition of a component id, or an error naming it. */
function definitionOf(rt: Runtime, id: unknown) {
  if (id === null) throw new ExprRuntimeError('Cannot lookup component null');
  const definition = rt.env.hierarchy?.definitions.get(String(id));
  if (!definition) throw new ExprRuntimeError(`Unable to find component with identifier ${String(id)}`);
  return definition;
}

/** The instance of a component the caller means (null when that row has no instance), or an error when it cannot be related. */
function targetInstance(rt: Runtime, id: string): ComponentNode | null {
  const hierarchy = rt.env.hierarchy!;
  const resolved = resolveComponentId(hierarchy, id, rt.location);
  if (!resolved) {
    throw new ExprRuntimeError(`Unable to find component with identifier ${id} (it repeats, and this expression is not evaluated in one of its rows)`);
  }
  return hierarchy.nodes.get(resolved) ?? null;
}

function component(rt: Runtime, [id]: readonly unknown[]): unknown {
  const definition = definitionOf(rt, id);
  const bindings = definition.config.dataModelBindings as Record<string, unknown> | undefined;
  const raw = bindingLocation(bindings?.simpleBinding, rt.env.defaultDataType);
  if (!raw) throw new ExprRuntimeError(`Component ${String(id)} does not have a simpleBinding`);
  const target = targetInstance(rt, String(id));
  if (target && isHidden(target, rt.env)) return null;
  const location = transposeDataPath(raw, rt.location);
  if (!hasDataType(rt.env, location.dataType)) throw new ExprRuntimeError(`Data model with type ${location.dataType} not found`);
  return readScalar(rt.env, location);
}

function dataModel(rt: Runtime, [path, maybeType]: readonly unknown[]): unknown {
  if (path === null) throw new ExprRuntimeError('Cannot lookup dataModel null');
  const dataType = (maybeType as string | null | undefined) ?? rt.env.defaultDataType;
  if (!hasDataType(rt.env, dataType)) throw new ExprRuntimeError(`Data model with type ${dataType} not found`);
  return readScalar(rt.env, transposeDataPath({ dataType, field: path as string }, rt.location));
}

function displayValue(rt: Runtime, [id]: readonly unknown[]): unknown {
  const definition = definitionOf(rt, id);
  const target = targetInstance(rt, String(id));
  if (target && isHidden(target, rt.env)) return null;
  if (!hasDisplayValue(definition.config)) throw new ExprRuntimeError(`Component of type '${definition.config.type}' does not have a displayValue`);
  return target ? (displayValueOf(target, rt) ?? '') : '';
}

function optionLabel(rt: Runtime, [optionsId, value]: readonly unknown[]): unknown {
  if (optionsId === null) throw new ExprRuntimeError('Expected an options id');
  const options = rt.env.codeLists?.[String(optionsId)];
  if (!options) throw new ExprRuntimeError(`Could not find options with id "${String(optionsId)}"`);
  const option = options.find((o) => looseEquals(o.value, value));
  return option ? resolveText(String(option.label ?? ''), rt.env, rt.location) : null;
}

function instanceContext(rt: Runtime, [key]: readonly unknown[]): unknown {
  if (key === null || !(instanceContextKeys as readonly unknown[]).includes(key)) {
    throw new ExprRuntimeError(`Unknown Instance context property ${key === null ? '' : String(key)}`);
  }
  return instanceContextOf(rt.env)[key as (typeof instanceContextKeys)[number]] || null;
}

function authContext(rt: Runtime, [key]: readonly unknown[]): unknown {
  const task = rt.env.process?.currentTask;
  if (key === null || !authKeys.has(String(key))) {
    throw new ExprRuntimeError(`Unknown Auth context property ${key === null ? 'null' : String(key)} for task ${task?.elementId ?? ''}`);
  }
  if (!task) return false;
  if (key === 'read') return task.read === true;
  if (key === 'write') return task.write === true;
  return task.actions?.[String(key)] === true;
}

function externalApi(rt: Runtime, [apiId, path]: readonly unknown[]): unknown {
  if (apiId === null) throw new ExprRuntimeError('Expected an external API id');
  if (!path) return null;
  const data = rt.env.externalApis?.[String(apiId)];
  const result = data !== null && typeof data === 'object' ? readDataPath(data, String(path)) : data;
  // Objects cannot be values yet (v4), and a falsy result reads as "nothing" in the frontend.
  if (!result || typeof result === 'object') return null;
  return String(result);
}

function linkTarget(rt: Runtime, page: string): string {
  const taskId = rt.env.process?.currentTask?.elementId;
  const instanceId = rt.env.instance?.id;
  return taskId && instanceId ? `/instance/${instanceId}/${taskId}/${page}` : `/${page}`;
}

function linkToPage(rt: Runtime, args: readonly unknown[]): unknown {
  const [text, pageId, back] = args;
  if (pageId === null || text === null) return null;
  let url = linkTarget(rt, String(pageId));
  const current = rt.env.currentPage;
  if (back === true && current && current !== pageId) url += `?backToPage=${formEncode(current)}`;
  return `<a href="${url}" data-link-type="LinkToPotentialPage">${String(text)}</a>`;
}

function linkToComponent(rt: Runtime, args: readonly unknown[]): unknown {
  const [text, id, back] = args;
  if (id === null || text === null) return null;
  const hierarchy = rt.env.hierarchy;
  const definition = hierarchy?.definitions.get(String(id));
  if (!hierarchy || !definition) throw new ExprRuntimeError(`Unable to find component with identifier ${String(id)}`);
  const relative = resolveComponentId(hierarchy, String(id), rt.location);
  if (!relative) throw new ExprRuntimeError(`Unable to find component with identifier ${String(id)} (it repeats, and this expression is not evaluated in one of its rows)`);
  let query = `focusComponentId=${formEncode(relative)}`;
  if (back === true && rt.env.currentPage) query += `&backToPage=${formEncode(rt.env.currentPage)}`;
  return `<a href="${linkTarget(rt, definition.pageId)}?${query}" data-link-type="LinkToPotentialNode">${String(text)}</a>`;
}

function selectAndMap(rt: Runtime, args: readonly unknown[]): unknown {
  const [path, property, prepend, append] = args;
  if (path === null || property === null) throw new ExprRuntimeError('Cannot lookup dataModel null');
  const appendToLast = args.length > 4 ? args[4] : true;
  const list = readLocation(rt.env, { dataType: rt.env.defaultDataType, field: String(path) });
  if (!Array.isArray(list)) return '';
  return list
    .map((item, i) => {
      const skipAppend = i === list.length - 1 && !appendToLast;
      const picked = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[String(property)] : undefined;
      return `${prepend ?? ''}${String(picked)}${append === null || append === undefined || skipAppend ? '' : String(append)}`;
    })
    .join(' ');
}

/** Implementations of the lookup and context functions, by name. */
export const lookupFunctions: Readonly<Record<string, Implementation>> = {
  dataModel: dataModel,
  component: component,
  displayValue: displayValue,
  optionLabel: optionLabel,
  countDataElements: (rt, [dataType]) => {
    if (dataType === null) throw new ExprRuntimeError('Expected dataType argument to be a string');
    return dataElementsOf(rt.env).filter((element) => element.dataType === dataType).length;
  },
  instanceContext: instanceContext,
  frontendSettings: (rt, [key]) => {
    if (key === null) throw new ExprRuntimeError("Value cannot be null. (Parameter 'key')");
    return rt.env.frontendSettings?.[String(key)] || null;
  },
  authContext: authContext,
  externalApi: externalApi,
  language: (rt) => rt.env.language ?? 'nb',
  text: (rt, [key]) => (key === null ? null : resolveText(String(key), rt.env, rt.location)),
  linkToPage: linkToPage,
  linkToComponent: linkToComponent,
  argv: (rt, [index]) => {
    const args = rt.ctx.positionalArguments;
    if (!args?.length) throw new ExprRuntimeError('No positional arguments available');
    if (index === null || typeof index !== 'number' || index < 0 || index >= args.length) throw new ExprRuntimeError(`Index ${String(index)} out of range`);
    return args[index] ?? null;
  },
  value: (rt, [key]) => {
    const config = rt.ctx.valueArguments;
    if (!config) throw new ExprRuntimeError('No value arguments available');
    const realKey = (key as string | null | undefined) ?? config.defaultKey;
    if (!realKey) throw new ExprRuntimeError('Invalid key (expected string, got null)');
    if (!Object.prototype.hasOwnProperty.call(config.data, realKey)) {
      throw new ExprRuntimeError(`Unknown key ${realKey}, Valid keys are: ${Object.keys(config.data).join(', ')}`);
    }
    return config.data[realKey] ?? null;
  },
  gatewayAction: (rt) => rt.env.gatewayAction ?? null,
  hasRole: (rt, [role]) => (!rt.env.roles || !role ? false : rt.env.roles.some((r) => r.value === role)),
  _experimentalSelectAndMap: selectAndMap,
};
