/**
 * The issues the server gave when the process did not move (409), in the error report's form: each
 * field issue links to its component (page and focus), the others are listed as text.
 */
import { Alert, ErrorSummary } from '@digdir/designsystemet-react';
import { focusField } from '../ErrorReport';
import { useFormState, useFormStore } from '../state/FormContext';
import type { BackendValidationIssue } from '../api/appApi';
import { serverIssueLines } from './serverIssues';

export function ServerIssues({ issues, message, heading }: { issues: readonly BackendValidationIssue[]; message: string; heading: string }) {
  const store = useFormStore();
  const derived = useFormState((s) => s.derived);
  const elements = useFormState((s) => s.elements);
  const currentPage = useFormState((s) => s.currentPage);
  if (!derived) return null;
  const byElement = new Map(Object.entries(elements).map(([dataType, id]) => [id, dataType]));
  const lines = serverIssueLines(issues, derived.hierarchy, derived.env, (id) => byElement.get(id));
  if (lines.length === 0) {
    return (
      <Alert data-color="danger" role="alert" data-testid="process-error">
        {heading}: {message}
      </Alert>
    );
  }
  return (
    <ErrorSummary data-testid="server-error-report">
      <ErrorSummary.Heading>{derived.env.builtInTexts?.['form_filler.error_report_header'] ?? heading}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {lines.map((line) => (
          <ErrorSummary.Item key={line.key}>
            {line.componentId ? (
              <ErrorSummary.Link
                href={`#field-${line.componentId}`}
                onClick={(e) => {
                  e.preventDefault();
                  if (line.pageId && line.pageId !== currentPage) store.actions.navigate(line.pageId);
                  focusField(line.componentId!);
                }}
              >
                {line.text}
              </ErrorSummary.Link>
            ) : (
              line.text
            )}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
