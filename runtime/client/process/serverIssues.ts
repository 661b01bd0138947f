/**
 * Issues the server returned when the process did not move (409 from process/next, §4.5), as lines
 * of the error report: the text (the app's text for the key, Altinn's built-in one, else as sent)
 * and, for field issues, the visible component showing the field, so the line can take the user there.
 */
import { type ExprEnvironment, type Hierarchy, isHidden } from '../../../core/expressions';
import { mapIssuesToComponents, validationNodesOf, type ValidationIssue } from '../../../core/validation';
import type { BackendValidationIssue } from '../api/appApi';
import { messageText } from '../text/messages';

export interface ServerIssueLine {
  readonly key: string;
  readonly text: string;
  readonly componentId?: string;
  readonly pageId?: string;
}

/** The text of an issue: its key and each parameter looked up as the form's own messages are (app texts, then built-in ones). */
export function issueText(issue: BackendValidationIssue, env: ExprEnvironment): string {
  const key = issue.customTextKey ?? issue.description ?? issue.code ?? '';
  const params = Object.entries(issue.customTextParameters ?? {})
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, value]) => ({ key: value }));
  const text = messageText({ key, ...(params.length > 0 ? { params } : {}) }, env);
  // Nothing knows the key: the server's description says more than the bare key.
  return text === key && issue.description ? issue.description : text;
}

/** Error lines (severity 1) of the server's issues; `dataTypeOf` names the data type of a data element id. */
export function serverIssueLines(
  issues: readonly BackendValidationIssue[],
  hierarchy: Hierarchy,
  env: ExprEnvironment,
  dataTypeOf: (dataElementId: string) => string | undefined,
): ServerIssueLine[] {
  const errors = issues.filter((i) => i.severity === 1);
  const asLocal = errors.map(
    (i): ValidationIssue => {
      const dataType = (i.dataElementId ? dataTypeOf(i.dataElementId) : undefined) ?? hierarchy.defaultDataType;
      return { source: 'backend', severity: 'error', message: { key: i.customTextKey ?? i.description ?? '' }, category: 0, ...(i.field ? { dataType, field: i.field } : {}) };
    },
  );
  const mapped = mapIssuesToComponents(asLocal, validationNodesOf(hierarchy, env));
  return errors.map((issue, n) => {
    const componentId = mapped[n]?.componentIds.find((id) => {
      const node = hierarchy.nodes.get(id);
      return node !== undefined && !isHidden(node, env);
    });
    const pageId = componentId ? hierarchy.nodes.get(componentId)?.pageId : undefined;
    return { key: `server-${n}`, text: issueText(issue, env), ...(componentId ? { componentId } : {}), ...(pageId ? { pageId } : {}) };
  });
}
