/**
 * Summary (v1: `componentRef` in the caller's row) and Summary2 (`target` component / page /
 * layoutSet): read-only label + value lists with a "Change" link back to each component; a
 * RepeatingGroup that a Summary2 override gives `display: "table"` is drawn as its table.
 * Each re-renders only when a node it shows changes (runtime/client/state/nodeChanges.ts).
 */
import { Alert, Heading, Table } from '@digdir/designsystemet-react';
import { isHidden, isPageHidden, type ComponentNode } from '../../../core/expressions';
import type { Derived } from '../state/derive';
import { summaryTargets } from '../state/nodeChanges';
import { displayOf } from './containerTexts';
import type { ComponentProps } from './registry';
import { cellOf, columnsOf, visibleRows } from './repeatingGroupModel';
import { SummaryOf, type SummaryOptions } from './summaryParts';
import { textOf, useNode } from './useNode';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

type Override = Readonly<Record<string, unknown>>;

/** The override that applies to a component: its own (`componentId`) before its type's (`componentType`). */
function overrideOf(overrides: readonly Override[], node: ComponentNode): Override | undefined {
  return overrides.find((o) => o.componentId === node.baseId) ?? overrides.find((o) => o.componentType === node.type || o.componentType === node.canonicalType);
}

/** A repeating group's summary as its table: the group's columns, one row per visible data row. */
function RepeatingGroupSummaryTable({ derived, node }: { derived: Derived; node: ComponentNode }) {
  if (isHidden(node, derived.env)) return null;
  const columns = columnsOf(derived, node);
  const title = textOf(derived, node, 'summaryTitle') ?? textOf(derived, node, 'title');
  return (
    <section className="rt-summary-group" data-componentid={`summary-${node.id}`}>
      {title && <Heading level={3} data-size="xs">{title}</Heading>}
      <Table className="rt-summary-table" data-size="sm" border aria-label={title}>
        <Table.Head>
          <Table.Row>
            {columns.map((c) => (
              <Table.HeaderCell key={c.id} style={{ width: c.width, textAlign: c.align }}>
                {c.label}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {visibleRows(derived, node).map((row) => (
            <Table.Row key={row.index} data-rowindex={row.index}>
              {columns.map((c) => {
                const cell = cellOf(node, row.index, c.id);
                return (
                  <Table.Cell key={c.id} style={{ textAlign: c.align }}>
                    {cell ? displayOf(derived, cell) : ''}
                  </Table.Cell>
                );
              })}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}

export function Summary({ node }: ComponentProps) {
  const { derived } = useNode(node);
  const ref = typeof node.config.componentRef === 'string' ? node.config.componentRef : '';
  const target = summaryTargets(derived.hierarchy, node).components[0];
  const display = (node.config.display ?? {}) as Record<string, unknown>;
  const options: SummaryOptions = { hideEmpty: false, hideChange: display.hideChangeButton === true, excluded: strings(node.config.excludedChildren) };
  if (!target) return <Alert data-color="warning" data-size="sm">{`Summary: ${ref}`}</Alert>;
  return (
    <div className="rt-summary" data-componentid={node.id}>
      <SummaryOf derived={derived} node={target} options={options} />
    </div>
  );
}

export function Summary2({ node }: ComponentProps) {
  const { derived } = useNode(node);
  const overrides = Array.isArray(node.config.overrides) ? (node.config.overrides as unknown[]).filter((o): o is Override => o !== null && typeof o === 'object') : [];
  const hiddenIds = overrides.filter((o) => o.hidden === true && typeof o.componentId === 'string').map((o) => o.componentId as string);
  const hiddenPages = overrides.filter((o) => o.hidden === true && typeof o.pageId === 'string').map((o) => o.pageId as string);
  const options: SummaryOptions = { hideEmpty: node.config.hideEmptyFields === true, hideChange: false, excluded: [...hiddenIds, node.baseId] };
  const targets = summaryTargets(derived.hierarchy, node);
  const pages = targets.pages.filter((p) => !hiddenPages.includes(p.id) && !isPageHidden(p, derived.env));
  const roots = [...targets.components, ...pages.flatMap((p) => p.children.filter((c) => c.canonicalType !== 'Summary2' && c.canonicalType !== 'Summary'))];
  return (
    <div className="rt-summary2" data-componentid={node.id}>
      {roots.map((r) =>
        r.canonicalType === 'RepeatingGroup' && overrideOf(overrides, r)?.display === 'table' && !options.excluded.includes(r.baseId) ? (
          <RepeatingGroupSummaryTable key={r.id} derived={derived} node={r} />
        ) : (
          <SummaryOf key={r.id} derived={derived} node={r} options={options} />
        ),
      )}
    </div>
  );
}
