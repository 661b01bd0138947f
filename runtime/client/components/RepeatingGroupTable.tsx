/**
 * The table of a repeating group: a header from `tableHeaders`, one row per visible data row
 * (display values, or the components themselves with `editInTable`/`onlyTable`), edit and delete
 * buttons named with the row, and the open row's edit container right below it (showTable).
 */
import { Button, Table } from '@digdir/designsystemet-react';
import { Fragment, memo, useCallback, useMemo, useRef, type ReactNode } from 'react';
import type { ComponentNode, RowInfo } from '../../../core/expressions';
import type { Derived } from '../state/derive';
import { useFormState, useFormStore } from '../state/FormContext';
import type { FormState } from '../state/formStore';
import { ComponentView } from './ComponentView';
import { displayOf, textOr, uiText } from './containerTexts';
import { cellOf, type Column, columnsOf, rowVersionSum } from './repeatingGroupModel';
import { useRowWindow, windowThreshold } from './rowWindow';

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

interface DataRowProps {
  readonly node: ComponentNode;
  /** The row's place among all rows (header = 1), when the table is windowed. */
  readonly ariaRowIndex: number | undefined;
  readonly rowIndex: number;
  readonly rowName: string;
  readonly columns: readonly Column[];
  readonly open: boolean;
  readonly onlyTable: boolean;
  readonly showEdit: boolean;
  readonly showDelete: boolean;
  readonly editText: string;
  readonly deleteText: string;
  readonly onEdit: (index: number) => void;
  readonly onDelete: (index: number) => void;
}

/** What decides whether one table row re-renders: a full derive, or a version inside it growing. */
function rowVersion(state: FormState, node: ComponentNode, rowIndex: number): number {
  const derived = state.derived;
  return derived ? derived.epoch * 2 ** 32 + rowVersionSum(node, rowIndex, derived.versions) : 0;
}

/**
 * One data row, memoised: typing in one row of a 1,000-row group re-renders that row only, not the
 * table. It reads the current state when its own cells' versions change.
 */
const DataRow = memo(function DataRow({ node, ariaRowIndex, rowIndex, rowName, columns, open, onlyTable, showEdit, showDelete, editText, deleteText, onEdit, onDelete }: DataRowProps) {
  const store = useFormStore();
  useFormState((s) => rowVersion(s, node, rowIndex));
  const derived = store.getState().derived;
  if (!derived) return null;
  return (
    <Table.Row data-rowindex={rowIndex} aria-rowindex={ariaRowIndex} aria-selected={open || undefined}>
      {columns.map((c) => {
        const child = cellOf(node, rowIndex, c.id);
        return (
          <Table.Cell key={c.id} style={{ textAlign: c.align }}>
            {child && (onlyTable || c.editInTable) ? <ComponentView node={child} /> : child ? displayOf(derived, child) : ''}
          </Table.Cell>
        );
      })}
      {showEdit && !onlyTable && (
        <Table.Cell>
          <Button variant="tertiary" data-size="sm" aria-expanded={open} aria-label={`${editText} ${rowName}`} onClick={() => onEdit(rowIndex)}>
            {editText}
          </Button>
        </Table.Cell>
      )}
      {showDelete && (
        <Table.Cell>
          <Button variant="tertiary" data-color="danger" data-size="sm" aria-label={`${deleteText} ${rowName}`} onClick={() => onDelete(rowIndex)}>
            {deleteText}
          </Button>
        </Table.Cell>
      )}
    </Table.Row>
  );
});

export function RepeatingGroupTable({ derived, node, caption, rows, editing, onlyTable, showEdit, showDelete, onEdit, onDelete, renderEdit }: TableProps) {
  const computed = columnsOf(derived, node);
  // The same columns keep the same array, so unchanged rows stay memoised.
  const columnsKey = JSON.stringify(computed);
  const columns = useMemo(() => computed, [columnsKey]);
  const handlers = useRef({ onEdit, onDelete });
  handlers.current = { onEdit, onDelete };
  const edit = useCallback((index: number) => handlers.current.onEdit(index), []);
  const remove = useCallback((index: number) => handlers.current.onDelete(index), []);
  const actions = (showEdit && !onlyTable ? 1 : 0) + (showDelete ? 1 : 0);
  const editText = textOr(derived, node, 'edit_button_open', 'general.edit_alt');
  const deleteText = uiText(derived, 'general.delete');
  const body = useRef<HTMLTableSectionElement>(null);
  const openAt = editing === null ? -1 : rows.findIndex((r) => r.row.index === editing);
  const windowed = rows.length > windowThreshold;
  const { parts, rowHeight } = useRowWindow(body, rows.length, openAt >= 0 ? [openAt] : []);
  let spacerKey = 0;
  return (
    <Table
      className={windowed ? 'rt-rg-table rt-rg-table-long' : 'rt-rg-table'}
      data-size="sm"
      border
      aria-label={caption}
      aria-rowcount={windowed ? rows.length + 1 + (openAt >= 0 ? 1 : 0) : undefined}
    >
      <Table.Head>
        <Table.Row aria-rowindex={windowed ? 1 : undefined}>
          {columns.map((c) => (
            <Table.HeaderCell key={c.id} style={{ width: c.width, textAlign: c.align }}>
              {c.label}
            </Table.HeaderCell>
          ))}
          {actions > 0 && (
            <Table.HeaderCell colSpan={actions} style={windowed ? { width: `${actions * 7}rem` } : undefined}>
              <span style={visuallyHidden}>{uiText(derived, 'general.actions')}</span>
            </Table.HeaderCell>
          )}
        </Table.Row>
      </Table.Head>
      <Table.Body ref={body}>
        {parts.map((part) =>
          part.kind === 'spacer' ? (
            <tr key={`spacer-${spacerKey++}`} aria-hidden="true" className="rt-rg-spacer">
              <td colSpan={columns.length + actions} style={{ height: part.count * rowHeight }} />
            </tr>
          ) : (
            rows.slice(part.from, part.to + 1).map(({ row, position }, offset) => {
              const at = part.from + offset;
              const open = editing === row.index;
              return (
                <Fragment key={row.index}>
                  <DataRow
                    node={node}
                    ariaRowIndex={windowed ? at + 2 + (openAt >= 0 && openAt < at ? 1 : 0) : undefined}
                    rowIndex={row.index}
                    rowName={uiText(derived, 'general.row', position)}
                    columns={columns}
                    open={open}
                    onlyTable={onlyTable}
                    showEdit={showEdit}
                    showDelete={showDelete}
                    editText={editText}
                    deleteText={deleteText}
                    onEdit={edit}
                    onDelete={remove}
                  />
                  {open && (
                    <Table.Row className="rt-rg-editrow" aria-rowindex={windowed ? at + 3 : undefined}>
                      <Table.Cell colSpan={columns.length + actions}>{renderEdit(row.index, position)}</Table.Cell>
                    </Table.Row>
                  )}
                </Fragment>
              );
            })
          ),
        )}
      </Table.Body>
    </Table>
  );
}
