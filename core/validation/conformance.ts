/**
 * The shared expression-validation cases of app-frontend-react / app-lib-dotnet (§3.7), run against
 * this module: a case gives a validation config, form data and layouts, and the issues expected
 * (message, severity, field, and the component when the case names one). Comparison is order-free,
 * like the upstream runners. Pure: the caller reads the files.
 */
import { buildHierarchy, type ExprEnvironment, type PageFile, type TextResource } from '../expressions';
import { parseJsonDocument } from '../text/jsonDocument';
import { fieldExpressionEvaluator, validationNodesOf } from './engine';
import { resolveExpressionValidationConfig } from './expressionConfig';
import { runExpressionValidations } from './expressionValidation';
import { hiddenFieldTest, mapIssuesToComponents } from './issueMapping';

/** One expected (or produced) issue of a case. */
export interface ConformanceIssue {
  readonly message: string;
  readonly severity: string;
  readonly field: string;
  readonly componentId?: string;
}

export interface ConformanceCase {
  readonly name: string;
  readonly expects: readonly ConformanceIssue[];
  readonly validationConfig: unknown;
  readonly formData: unknown;
  readonly layouts: Readonly<Record<string, PageFile>>;
  readonly textResources?: readonly TextResource[];
}

export interface ConformanceResult {
  readonly name: string;
  readonly passed: boolean;
  /** Why it failed: what was missing, what was unexpected, or what went wrong reading or running it. */
  readonly reason?: string;
  readonly actual?: readonly ConformanceIssue[];
}

/** The data type the cases' data and config belong to (the cases do not name one). */
const caseDataType = 'model';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads a case file's text (comments and trailing commas allowed, as the backend reads them). */
export function parseConformanceCase(text: string, fileName = 'case'): ConformanceCase | string {
  const doc = parseJsonDocument(text);
  if (doc.problems.length > 0 || !isRecord(doc.value)) return `${fileName}: not a readable JSON object`;
  const value = doc.value;
  if (!Array.isArray(value.expects) || !isRecord(value.layouts)) return `${fileName}: a case needs "expects" (a list) and "layouts" (an object)`;
  return {
    name: typeof value.name === 'string' ? value.name : fileName,
    expects: value.expects as ConformanceIssue[],
    validationConfig: value.validationConfig,
    formData: value.formData ?? {},
    layouts: value.layouts as Record<string, PageFile>,
    ...(Array.isArray(value.textResources) ? { textResources: value.textResources as TextResource[] } : {}),
  };
}

const describeIssue = (i: ConformanceIssue) =>
  `${i.severity} "${i.message}" on ${i.field}${i.componentId !== undefined ? ` (${i.componentId})` : ''}`;

function sortKey(i: ConformanceIssue): string {
  return [i.message, i.severity, i.field, i.componentId ?? ''].join('\u0000');
}

/** The issues this module produces for a case; with `withComponents`, one per component showing each issue. */
export function conformanceIssues(testCase: ConformanceCase, withComponents: boolean): ConformanceIssue[] {
  const dataModels = { [caseDataType]: testCase.formData };
  const hierarchy = buildHierarchy(testCase.layouts, dataModels, { defaultDataType: caseDataType });
  const env: ExprEnvironment = { dataModels, defaultDataType: caseDataType, hierarchy, ...(testCase.textResources ? { textResources: testCase.textResources } : {}) };
  const nodes = validationNodesOf(hierarchy, env);
  const config = resolveExpressionValidationConfig(testCase.validationConfig);
  const issues = runExpressionValidations({
    dataType: caseDataType,
    data: testCase.formData,
    config,
    evaluate: fieldExpressionEvaluator(env),
    isFieldHidden: hiddenFieldTest(nodes),
  });
  if (!withComponents) return issues.map((i) => ({ message: i.message.key, severity: i.severity, field: i.field ?? '' }));
  return mapIssuesToComponents(issues, nodes).flatMap(({ issue, componentIds }) =>
    componentIds.map((componentId) => ({ message: issue.message.key, severity: issue.severity, field: issue.field ?? '', componentId })),
  );
}

/** Runs one case: passes when the produced issues equal the expected ones, in any order. */
export function runConformanceCase(testCase: ConformanceCase): ConformanceResult {
  const withComponents = testCase.expects.some((e) => e.componentId !== undefined);
  let actual: ConformanceIssue[];
  try {
    actual = conformanceIssues(testCase, withComponents);
  } catch (error) {
    return { name: testCase.name, passed: false, reason: `threw: ${error instanceof Error ? error.message : String(error)}` };
  }
  const normalize = (i: ConformanceIssue): ConformanceIssue =>
    withComponents ? { message: i.message, severity: i.severity, field: i.field, componentId: i.componentId } : { message: i.message, severity: i.severity, field: i.field };
  const expected = testCase.expects.map(normalize).map(sortKey).sort();
  const produced = actual.map(normalize).map(sortKey).sort();
  const missing = [...expected];
  const unexpected: string[] = [];
  for (const key of produced) {
    const at = missing.indexOf(key);
    if (at >= 0) missing.splice(at, 1);
    else unexpected.push(key);
  }
  if (missing.length === 0 && unexpected.length === 0) return { name: testCase.name, passed: true, actual };
  const show = (keys: string[]) =>
    keys.map((k) => {
      const [message = '', severity = '', field = '', componentId = ''] = k.split('\u0000');
      return describeIssue({ message, severity, field, ...(componentId ? { componentId } : {}) });
    });
  const parts = [
    ...(missing.length ? [`missing: ${show(missing).join('; ')}`] : []),
    ...(unexpected.length ? [`unexpected: ${show(unexpected).join('; ')}`] : []),
  ];
  return { name: testCase.name, passed: false, reason: parts.join(' | '), actual };
}

/** Runs case files given as name → text; unreadable files count as failures. */
export function runConformanceFiles(files: Readonly<Record<string, string>>): ConformanceResult[] {
  return Object.entries(files).map(([fileName, text]) => {
    const parsed = parseConformanceCase(text, fileName);
    if (typeof parsed === 'string') return { name: fileName, passed: false, reason: parsed };
    const result = runConformanceCase(parsed);
    return { ...result, name: `${result.name} (${fileName})` };
  });
}
