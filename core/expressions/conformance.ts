/**
 * Runs Altinn's shared expression test cases (§3.7) against this evaluator. Pure: it takes a parsed
 * case file and returns one result per case in it. The environment is set up the way the frontend's
 * shared-test harness sets it up (its defaults are named below), so the same files mean the same here.
 */
import { buildHierarchy } from './hierarchy/build';
import { findNode } from './hierarchy/lookup';
import type { ComponentNode, Hierarchy, HierarchyNode, PageFile } from './hierarchy/types';
import { runExpression } from './evaluate';
import type { DataElementInfo, ExprContext, ExprEnvironment, InstanceInfo, ProcessInfo, TextResource, ValueArguments } from './types';

/** The outcome of one case. */
export interface ConformanceResult {
  readonly name: string;
  readonly passed: boolean;
  readonly expected: unknown;
  readonly got: unknown;
  /** Why it failed, or for a passing expected failure, whether the message matched. */
  readonly reason?: string;
  /** For expected failures: whether our message contains the expected text (the frontend harness checks this). */
  readonly messageMatches?: boolean;
}

interface CaseContext {
  readonly component?: string;
  readonly rowIndices?: readonly number[];
  readonly currentLayout?: string;
}

interface SharedCase {
  readonly name?: string;
  readonly expression?: unknown;
  readonly expects?: unknown;
  readonly expectsFailure?: string;
  readonly context?: CaseContext;
  readonly layouts?: Record<string, PageFile>;
  readonly dataModel?: unknown;
  readonly dataModels?: readonly { dataElement: DataElementInfo; data: unknown }[];
  readonly instanceDataElements?: readonly DataElementInfo[];
  readonly instance?: InstanceInfo;
  readonly process?: ProcessInfo;
  readonly permissions?: { read?: boolean; write?: boolean; actions?: Record<string, boolean> };
  readonly frontendSettings?: Record<string, unknown>;
  readonly textResources?: readonly TextResource[];
  readonly profileSettings?: { language?: string };
  readonly externalApis?: { data?: Record<string, unknown> };
  readonly codeLists?: Record<string, readonly { value: unknown; label?: string }[]>;
  readonly positionalArguments?: readonly unknown[];
  readonly valueArguments?: ValueArguments;
  readonly stateless?: boolean;
  readonly gatewayAction?: string;
  readonly roles?: { data?: readonly { value: string }[] };
  readonly testCases?: readonly SharedCase[];
  readonly expectedContexts?: readonly ExpectedContext[];
}

interface ExpectedContext {
  readonly component: string;
  readonly currentLayout: string;
  readonly rowIndices?: readonly number[];
  readonly children?: readonly ExpectedContext[];
}

// The harness's defaults: a one-component layout when a case has none, the page the app opens on,
// the task the process mock is in, and the data type every form-data request is answered for.
const defaultLayouts: Record<string, PageFile> = {
  default: { data: { layout: [{ id: 'default', type: 'Input', dataModelBindings: { simpleBinding: { dataType: 'default', field: 'mockField' } } }] } },
};
const harnessStartPage = 'FormLayout';
const harnessTaskId = 'Task_1';
const defaultDataType = 'default';
const mockInstance: InstanceInfo = { id: '512345/d6a414a8-bbd9-4f0a-9ba7-d2e6f4f3b1a2', appId: 'ttd/test', instanceOwner: { partyId: '512345' } };

function environmentOf(test: SharedCase): { env: ExprEnvironment; usesDefaultLayout: boolean } {
  const dataModels: Record<string, unknown> = {};
  const elements: DataElementInfo[] = [];
  if (test.dataModels) {
    for (const model of test.dataModels) {
      dataModels[model.dataElement.dataType] = model.data;
      elements.push(model.dataElement);
    }
  } else {
    dataModels[defaultDataType] = test.dataModel ?? {};
  }
  dataModels[defaultDataType] ??= {};
  elements.push(...(test.instanceDataElements ?? []));
  const inInstance = !test.stateless && Boolean(test.dataModels || test.codeLists || test.instanceDataElements || test.permissions || test.instance || test.layouts);
  const process: ProcessInfo | undefined =
    test.process ??
    (test.permissions
      ? { currentTask: { elementId: harnessTaskId, ...test.permissions } }
      : inInstance
        ? { currentTask: { elementId: harnessTaskId, read: true, write: true, actions: {} } }
        : undefined);
  const layouts = test.layouts ?? defaultLayouts;
  const hierarchy = buildHierarchy(layouts, dataModels, { defaultDataType });
  const env: ExprEnvironment = {
    dataModels,
    defaultDataType,
    hierarchy,
    language: test.profileSettings?.language ?? 'nb',
    textResources: test.textResources ?? [],
    instance: test.stateless ? null : (test.instance ?? (inInstance ? mockInstance : null)),
    process: test.stateless ? null : (process ?? null),
    frontendSettings: test.frontendSettings ?? {},
    externalApis: test.externalApis?.data ?? {},
    codeLists: test.codeLists ?? {},
    dataElements: elements,
    gatewayAction: test.gatewayAction ?? null,
    roles: test.roles?.data ?? null,
    currentPage: test.context?.currentLayout ?? harnessStartPage,
    timeZone: 'UTC',
  };
  return { env, usesDefaultLayout: !test.layouts };
}

function nodeOf(test: SharedCase, hierarchy: Hierarchy, usesDefaultLayout: boolean): HierarchyNode | undefined | 'missing' {
  const context = test.context;
  if (context?.component) return findNode(hierarchy, context.component, context.rowIndices ?? []) ?? 'missing';
  if (usesDefaultLayout) return findNode(hierarchy, 'default');
  return hierarchy.pages.find((page) => page.id === context?.currentLayout);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

/** Values compared as JSON with object keys sorted, so key order and -0/0 never matter. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, normalize((value as Record<string, unknown>)[k])]));
  }
  return value === undefined ? null : value;
}

function runOne(test: SharedCase, name: string, base: SharedCase): ConformanceResult {
  const setup = environmentOf(base);
  const node = nodeOf(base, setup.env.hierarchy!, setup.usesDefaultLayout);
  const expectFailure = test.expectsFailure !== undefined;
  const expected = expectFailure ? { failure: test.expectsFailure } : test.expects;
  if (node === 'missing') return { name, passed: false, expected, got: null, reason: `context component ${base.context?.component} not found in the hierarchy` };
  const context: ExprContext = {
    env: setup.env,
    ...(node ? { node } : {}),
    ...(base.positionalArguments ? { positionalArguments: base.positionalArguments } : {}),
    ...(base.valueArguments ? { valueArguments: base.valueArguments } : {}),
  };
  const result = runExpression(test.expression, context);
  if (expectFailure) {
    if (result.ok) return { name, passed: false, expected, got: result.value, reason: 'expected a failure, got a value' };
    const messageMatches = result.error.message.includes(test.expectsFailure ?? '');
    return { name, passed: true, expected, got: { failure: result.error.message }, messageMatches, ...(messageMatches ? {} : { reason: 'failure message differs' }) };
  }
  if (!result.ok) return { name, passed: false, expected, got: { failure: result.error.message }, reason: result.error.message };
  const passed = sameJson(result.value, test.expects);
  return { name, passed, expected, got: result.value, ...(passed ? {} : { reason: 'wrong value' }) };
}

function contextTree(node: ComponentNode): ExpectedContext {
  return {
    component: node.baseId,
    currentLayout: node.pageId,
    ...(node.rowIndices.length ? { rowIndices: node.rowIndices } : {}),
    ...(node.children.length ? { children: node.children.map(contextTree) } : {}),
  };
}

// Pages are compared in name order and always list their children (the harness does both).
const byComponent = (a: ExpectedContext, b: ExpectedContext) => (a.component === b.component ? 0 : a.component > b.component ? 1 : -1);

function runContexts(test: SharedCase, name: string): ConformanceResult {
  const { env } = environmentOf(test);
  const hierarchy = test.layouts ? env.hierarchy! : buildHierarchy({}, env.dataModels, { defaultDataType });
  const got = hierarchy.pages.map((page) => ({ component: page.id, currentLayout: page.id, children: page.children.map(contextTree) })).sort(byComponent);
  const expected = [...(test.expectedContexts ?? [])].sort(byComponent);
  const passed = sameJson(got, expected);
  return { name, passed, expected, got, ...(passed ? {} : { reason: 'different node tree' }) };
}

/** Runs every case of one shared-test file (its own expression and each of `testCases`). */
export function runConformanceCase(file: unknown, fallbackName = 'case'): ConformanceResult[] {
  const test = (file ?? {}) as SharedCase;
  const name = test.name ?? fallbackName;
  if (test.expectedContexts) return [runContexts(test, name)];
  const results: ConformanceResult[] = [];
  try {
    if (test.expression !== undefined) results.push(runOne(test, name, test));
    (test.testCases ?? []).forEach((sub, i) => results.push(runOne(sub, sub.name ?? `${name} #${i + 1}`, test)));
  } catch (error) {
    results.push({ name, passed: false, expected: test.expects, got: null, reason: `crashed: ${error instanceof Error ? error.message : String(error)}` });
  }
  return results;
}
