/**
 * Shared by Summary and Summary2: a read-only view of components – label + display value for form
 * components, titled sections for containers (rows of a RepeatingGroup in order) – and the
 * "Change" link back to the component.
 */
import { Button, Heading } from '@digdir/designsystemet-react';
import { isHidden, type ComponentNode } from '../../../core/expressions';
import { hasDisplayValue } from '../../../core/expressions/displayValue';
import type { Derived } from '../state/derive';
import { useFormStore } from '../state/FormContext';
import { displayOf, labelOf, uiText } from './containerTexts';
import { textOf, fieldId } from './useNode';

export interface SummaryOptions {
  readonly hideEmpty: boolean;
  readonly hideChange: boolean;
  readonly excluded: readonly string[];
}

/** Moves to the component's page and focuses its field. */
function useChange() {
  const store = useFormStore();
  return (target: ComponentNode) => {
    const { currentPage } = store.getState();
    if (currentPage !== target.pageId && !store.actions.navigate(target.pageId)) return;
    setTimeout(() => document.getElementById(fieldId(target))?.focus(), 50);
  };
}

function SummaryField({ derived, node, options }: { derived: Derived; node: ComponentNode; options: SummaryOptions }) {
  const change = useChange();
  const value = displayOf(derived, node);
  if (options.hideEmpty && value === '') return null;
  const label = labelOf(derived, node, 'summaryTitle');
  const changeText = uiText(derived, 'general.change');
  return (
    <div className="rt-summary-field" data-componentid={`summary-${node.id}`} style={{ display: 'flex', gap: '1rem', alignItems: 'baseline', borderBottom: '1px solid var(--ds-color-neutral-border-subtle, #ddd)', padding: '0.25rem 0' }}>
      <dt style={{ fontWeight: 600, flex: '0 0 40%' }}>{label}</dt>
      <dd style={{ margin: 0, flex: 1 }}>{value === '' ? <em>{uiText(derived, 'general.empty_summary')}</em> : value}</dd>
      {!options.hideChange && !node.config.readOnly && (
        <dd style={{ margin: 0 }}>
          <Button variant="tertiary" data-size="sm" aria-label={`${changeText}: ${label}`} onClick={() => change(node)}>
            {changeText}
          </Button>
        </dd>
      )}
    </div>
  );
}

/** Whether a node or anything inside it has a value to summarise. */
function hasContent(node: ComponentNode): boolean {
  return node.children.length === 0 ? hasDisplayValue(node.config) : node.children.some(hasContent);
}

/** The summary of one node and what is inside it. */
export function SummaryOf({ derived, node, options, level = 3 }: { derived: Derived; node: ComponentNode; options: SummaryOptions; level?: number }) {
  if (isHidden(node, derived.env) || options.excluded.includes(node.baseId) || !hasContent(node)) return null;
  if (node.children.length === 0) {
    return hasDisplayValue(node.config) ? (
      <dl style={{ margin: 0 }}>
        <SummaryField derived={derived} node={node} options={options} />
      </dl>
    ) : null;
  }
  const title = textOf(derived, node, 'summaryTitle') ?? textOf(derived, node, 'title');
  const inner = (children: readonly ComponentNode[]) => children.map((c) => <SummaryOf key={c.id} derived={derived} node={c} options={options} level={Math.min(6, level + 1)} />);
  const rows = node.rows.length > 0 && node.canonicalType !== 'Likert';
  return (
    <section className="rt-summary-group" data-componentid={`summary-${node.id}`}>
      {title && <Heading level={level as 2 | 3 | 4 | 5 | 6} data-size="xs">{title}</Heading>}
      {rows
        ? node.rows.map((row) => (
            <div key={row.index} className="rt-summary-row" style={{ paddingLeft: '1rem', marginBottom: '0.5rem' }}>
              {inner(node.children.filter((c) => c.row === row))}
            </div>
          ))
        : inner(node.children)}
    </section>
  );
}
