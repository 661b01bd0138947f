/**
 * Grid: a table of `rows[].cells` – a component cell renders the component (in the same row
 * context), a text cell its text, `labelFrom` a component's label; header rows use header cells.
 */
import { Table } from '@digdir/designsystemet-react';
import { resolveText, type ComponentNode } from '../../../core/expressions';
import type { Derived } from '../state/derive';
import { ComponentView } from './ComponentView';
import { labelOf } from './containerTexts';
import type { ComponentProps } from './registry';
import { RichText } from './RichText';
import { useNode } from './useNode';

interface Cell {
  readonly component?: string;
  readonly text?: string;
  readonly labelFrom?: string;
  readonly alignText?: 'left' | 'center' | 'right';
  readonly width?: string;
}

function rowsOf(config: Readonly<Record<string, unknown>>): { header: boolean; cells: (Cell | null)[] }[] {
  const rows = Array.isArray(config.rows) ? (config.rows as unknown[]) : [];
  return rows.flatMap((r) => {
    if (r === null || typeof r !== 'object') return [];
    const raw = r as Record<string, unknown>;
    const cells = Array.isArray(raw.cells) ? raw.cells.map((c) => (c !== null && typeof c === 'object' ? (c as Cell) : null)) : [];
    return [{ header: raw.header === true, cells }];
  });
}

function CellContent({ derived, node, cell }: { derived: Derived; node: ComponentNode; cell: Cell | null }) {
  if (!cell) return null;
  if (cell.component) {
    const child = node.children.find((c) => c.baseId === cell.component);
    return child ? <ComponentView node={child} /> : null;
  }
  if (cell.labelFrom) {
    const target = node.children.find((c) => c.baseId === cell.labelFrom) ?? derived.hierarchy.nodes.get(cell.labelFrom);
    return target ? <>{labelOf(derived, target)}</> : null;
  }
  return cell.text ? <RichText text={resolveText(cell.text, derived.env, node.location)} inline /> : null;
}

export function Grid({ node }: ComponentProps) {
  const api = useNode(node);
  const title = api.text('title');
  const rows = rowsOf(node.config);
  const head = rows.filter((r) => r.header);
  const body = rows.filter((r) => !r.header);
  const render = (row: (typeof rows)[number], i: number) => (
    <Table.Row key={i}>
      {row.cells.map((cell, j) => {
        const Cell = row.header ? Table.HeaderCell : Table.Cell;
        return (
          <Cell key={j} style={{ textAlign: cell?.alignText, width: cell?.width }}>
            <CellContent derived={api.derived} node={node} cell={cell} />
          </Cell>
        );
      })}
    </Table.Row>
  );
  return (
    <Table className="rt-grid" data-componentid={node.id} data-size="sm" aria-label={title}>
      {head.length > 0 && <Table.Head>{head.map(render)}</Table.Head>}
      <Table.Body>{body.map(render)}</Table.Body>
    </Table>
  );
}
