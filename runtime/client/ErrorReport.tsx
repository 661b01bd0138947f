/**
 * The error report (§4.6): every visible error on navigable pages, each a link that goes to the
 * field's page and moves focus to the field; issues no component shows are listed as text.
 */
import { ErrorSummary } from '@digdir/designsystemet-react';
import { isHidden } from '../../core/expressions';
import { isIssueVisible } from '../../core/validation';
import { visibleIssuesOf } from './components/useNode';
import { useFormState, useFormStore } from './state/FormContext';
import { messageText } from './text/messages';

interface ReportLine {
  readonly key: string;
  readonly text: string;
  readonly componentId?: string;
  readonly pageId?: string;
}

/** Focuses a field once its page is rendered. */
export function focusField(componentId: string): void {
  requestAnimationFrame(() => {
    const target = document.getElementById(`field-${componentId}`);
    const input = target?.matches('input,select,textarea,[tabindex]') ? target : target?.querySelector<HTMLElement>('input,select,textarea');
    input?.focus();
    target?.scrollIntoView({ block: 'center' });
  });
}

export function ErrorReport() {
  const store = useFormStore();
  const derived = useFormState((s) => s.derived);
  const masks = useFormState((s) => s.masks);
  const currentPage = useFormState((s) => s.currentPage);
  if (!derived) return null;
  const pages = store.actions.pages();
  const lines: ReportLine[] = [];
  for (const [componentId] of derived.validation.byComponent) {
    const node = derived.hierarchy.nodes.get(componentId);
    if (!node || !pages.includes(node.pageId) || isHidden(node, derived.env)) continue;
    visibleIssuesOf(derived, node, masks[componentId])
      .filter((i) => i.severity === 'error')
      .forEach((i, n) => lines.push({ key: `${componentId}-${n}`, text: i.text, componentId, pageId: node.pageId }));
  }
  derived.validation.unmapped
    .filter((i) => i.severity === 'error' && isIssueVisible(i, 0))
    .forEach((i, n) => lines.push({ key: `unmapped-${n}`, text: messageText(i.message, derived.env) }));
  if (lines.length === 0) return null;
  const go = (line: ReportLine) => {
    if (!line.componentId) return;
    if (line.pageId && line.pageId !== currentPage) store.actions.navigate(line.pageId);
    focusField(line.componentId);
  };
  return (
    <ErrorSummary data-testid="error-report">
      <ErrorSummary.Heading>{derived.env.builtInTexts?.['form_filler.error_report_header']}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {lines.map((line) => (
          <ErrorSummary.Item key={line.key}>
            {line.componentId ? (
              <ErrorSummary.Link
                href={`#field-${line.componentId}`}
                onClick={(e) => {
                  e.preventDefault();
                  go(line);
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
