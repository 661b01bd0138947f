/**
 * The table of a repeating group: a header from `tableHeaders`, one row per visible data row
 * (display values, or the components themselves with `editInTable`/`onlyTable`), edit and delete
 * buttons named with the row, and the open row's edit container right below it (showTable).
 */
import { Button, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import type { ComponentNode, RowInfo } from '../../../core/expressions';
import type { Derived } from '../state/derive';
import { ComponentView } from './ComponentView';
import { displayOf, textOr, uiText } from './containerTexts';
import { columnsOf, rowChildren } from './repeatingGroupModel';

/** Read by screen readers, not shown. */
export const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

export interface TableProps {
  readonly derived: Derived;
  readonly node: ComponentNode;
  readonly caption: string | undefined;
  readonly rows: readonly { row: RowInfo; position: number }[];
  readonly editing: number | null;
  readonly onlyTable: boolean;
  readonly showEdit: boolean;
  readonly showDelete: boolean;
  readonly onEdit: (index: number) => void;
  readonly onDelete: (index: number) => void;
  readonly renderEdit: (index: number, position: number) => ReactNode;
}

export function RepeatingGroupTable({ derived, node, caption, rows, editing, onlyTable, showEdit, showDelete, onEdit, onDelete, renderEdit }: TableProps) {
  const columns = columnsOf(derived, node);
  const actions = (showEdit && !onlyTable ? 1 : 0) + (showDelete ? 1 : 0);
  const editText = textOr(derived, node, 'edit_button_open', 'general.edit_alt');
  const deleteText = uiText(derived, 'general.delete');
  return (
    <Table className="rt-rg-table" data-size="sm" border aria-label={caption}>
      <Table.Head>
        <Table.Row>
          {columns.map((c) => (
            <Table.HeaderCell key={c.id} style={{ width: c.width, textAlign: c.align }}>
              {c.label}
            </Table.HeaderCell>
          ))}
          {actions > 0 && (
            <Table.HeaderCell colSpan={actions}>
              <span style={visuallyHidden}>{uiText(derived, 'general.actions')}</span>
            </Table.HeaderCell>
          )}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map(({ row, position }) => {
          const children = rowChildren(node, row.index);
          const rowName = uiText(derived, 'general.row', position);
          const open = editing === row.index;
          return [
            <Table.Row key={row.index} data-rowindex={row.index} aria-selected={open || undefined}>
              {columns.map((c) => {
                const child = children.find((n) => n.baseId === c.id);
                return (
                  <Table.Cell key={c.id} style={{ textAlign: c.align }}>
                    {child && (onlyTable || c.editInTable) ? <ComponentView node={child} /> : child ? displayOf(derived, child) : ''}
                  </Table.Cell>
                );
              })}
              {showEdit && !onlyTable && (
                <Table.Cell>
                  <Button variant="tertiary" data-size="sm" aria-expanded={open} aria-label={`${editText} ${rowName}`} onClick={() => onEdit(row.index)}>
                    {editText}
                  </Button>
                </Table.Cell>
              )}
              {showDelete && (
                <Table.Cell>
                  <Button variant="tertiary" data-color="danger" data-size="sm" aria-label={`${deleteText} ${rowName}`} onClick={() => onDelete(row.index)}>
                    {deleteText}
                  </Button>
                </Table.Cell>
              )}
            </Table.Row>,
            open && (
              <Table.Row key={`${row.index}-edit`} className="rt-rg-editrow">
                <Table.Cell colSpan={columns.length + actions}>{renderEdit(row.index, position)}</Table.Cell>
              </Table.Row>
            ),
          ];
        })}
      </Table.Body>
    </Table>
  );
}
