/**
 * RepeatingGroup: rows of the bound array as a table (and/or edit containers per `edit.mode`),
 * add/edit/save/delete with `minCount`/`maxCount`, `hiddenRow`, pagination, `validateOnSaveRow`
 * and `edit.multiPage`. A new row gets a fresh `altinnRowId`, opens and takes focus.
 */
import { Button, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useFormStore } from '../state/FormContext';
import { canAddRow, canDeleteRow, rowsOf, withRowAdded, withRowRemoved } from '../state/rowActions';
import { textOr, uiText } from './containerTexts';
import type { ComponentProps } from './registry';
import { editFlag, editModeOf, rowErrors, saveRowValidation, visibleRows } from './repeatingGroupModel';
import { RepeatingGroupRow } from './RepeatingGroupRow';
import { RepeatingGroupTable } from './RepeatingGroupTable';
import { RichText } from './RichText';
import { useNode } from './useNode';

const focusable = 'input:not([type=hidden]), select, textarea, [role=combobox]';

export function RepeatingGroup({ node }: ComponentProps) {
  const api = useNode(node);
  const store = useFormStore();
  const { derived } = api;
  const mode = editModeOf(derived, node);
  const openByDefault = node.config.edit && (node.config.edit as Record<string, unknown>).openByDefault;
  const [editing, setEditing] = useState<number | null>(() =>
    openByDefault === 'last' ? (node.rows.at(-1)?.index ?? null) : openByDefault === true || openByDefault === 'first' ? (node.rows[0]?.index ?? null) : null,
  );
  const [page, setPage] = useState(0);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const root = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    if (focusRow === null) return;
    const field = root.current?.querySelector<HTMLElement>(`[data-rowindex="${focusRow}"] ${focusable.split(', ').join(`, [data-rowindex="${focusRow}"] `)}`);
    if (field) {
      field.focus();
      setFocusRow(null);
    }
  });

  const data = api.value('group');
  const count = rowsOf(data).length;
  const rows = visibleRows(derived, node).map((row, i) => ({ row, position: i + 1 }));
  const perPage = typeof node.config.pagination === 'object' && node.config.pagination ? Number((node.config.pagination as Record<string, unknown>).rowsPerPage) : 0;
  const pageCount = perPage > 0 ? Math.max(1, Math.ceil(rows.length / perPage)) : 1;
  const shownPage = Math.min(page, pageCount - 1);
  const shown = perPage > 0 ? rows.slice(shownPage * perPage, (shownPage + 1) * perPage) : rows;
  const readOnly = api.readOnly;

  /** Closes the open row; with `validateOnSaveRow` its errors show and block instead. */
  const save = (index: number): boolean => {
    const show = saveRowValidation(node);
    if (show.length > 0) {
      const blocking = rowErrors(derived, node, index);
      if (blocking.length > 0) {
        store.actions.widenMasks(blocking, show);
        return false;
      }
    }
    setEditing(null);
    return true;
  };
  const add = () => {
    if (editing !== null && mode !== 'showAll' && mode !== 'onlyTable' && !save(editing)) return;
    const { rows: next, index } = withRowAdded(data);
    api.setValue(next, 'group', true);
    if (mode === 'showTable' || mode === 'hideTable') setEditing(index);
    if (perPage > 0) setPage(Math.floor(rows.length / perPage));
    setFocusRow(index);
  };
  const remove = (index: number) => {
    if (editFlag(derived, node, 'alertOnDelete', false) && !window.confirm(uiText(derived, 'group.row_popover_delete_message'))) return;
    api.setValue(withRowRemoved(data, index), 'group', true);
    setEditing(null);
  };
  const toggle = (index: number) => {
    if (editing === index) save(index);
    else if (editing === null || save(editing)) setEditing(index);
  };

  const canAdd = canAddRow(count, node.config.maxCount);
  const showDelete = !readOnly && editFlag(derived, node, 'deleteButton', true) && canDeleteRow(count, node.config.minCount);
  const renderEdit = (index: number, position: number, inTable: boolean) => {
    const nextRow = rows.find((r) => r.row.index > index);
    return (
      <RepeatingGroupRow
        key={index}
        derived={derived}
        node={node}
        index={index}
        position={position}
        canDelete={showDelete && !inTable}
        hasNext={nextRow !== undefined}
        showSave={mode !== 'showAll'}
        onSave={(next) => {
          if (save(index) && next && nextRow) setEditing(nextRow.row.index);
        }}
        onDelete={() => remove(index)}
      />
    );
  };

  const title = api.text('title');
  const description = api.text('description');
  const showTable = mode === 'onlyTable' || mode === 'showTable' || (mode === 'hideTable' && editing === null);
  const showAddButton =
    !readOnly && editFlag(derived, node, 'addButton', true) && (editing === null || mode === 'showAll' || mode === 'onlyTable' || editFlag(derived, node, 'alwaysShowAddButton', false));
  const addFull = api.text('add_button_full');
  const addText = addFull ?? (api.text('add_button') ? `${uiText(derived, 'general.add_new')} ${api.text('add_button')}` : uiText(derived, 'general.add_new'));
  return (
    <Fieldset className="rt-repeating-group" data-componentid={node.id} ref={root}>
      {title && (
        <Fieldset.Legend>
          <RichText text={title} inline />
        </Fieldset.Legend>
      )}
      {description && (
        <Fieldset.Description>
          <RichText text={description} inline />
        </Fieldset.Description>
      )}
      {showTable && shown.length > 0 && (
        <RepeatingGroupTable
          derived={derived}
          node={node}
          caption={title}
          rows={shown}
          editing={mode === 'showTable' ? editing : null}
          onlyTable={mode === 'onlyTable'}
          showEdit={!readOnly && editFlag(derived, node, 'editButton', true)}
          showDelete={showDelete}
          onEdit={toggle}
          onDelete={remove}
          renderEdit={(index, position) => renderEdit(index, position, true)}
        />
      )}
      {mode === 'hideTable' && editing !== null && renderEdit(editing, rows.find((r) => r.row.index === editing)?.position ?? editing + 1, false)}
      {mode === 'showAll' && shown.map(({ row, position }) => renderEdit(row.index, position, false))}
      {pageCount > 1 && (
        <nav className="rt-rg-pagination" aria-label={title ?? node.id}>
          <Button variant="secondary" data-size="sm" disabled={shownPage === 0} onClick={() => setPage(shownPage - 1)}>
            {textOr(derived, node, 'pagination_back_button', 'general.back')}
          </Button>
          <Paragraph data-size="sm" aria-live="polite">{uiText(derived, 'general.page_of', shownPage + 1, pageCount)}</Paragraph>
          <Button variant="secondary" data-size="sm" disabled={shownPage >= pageCount - 1} onClick={() => setPage(shownPage + 1)}>
            {textOr(derived, node, 'pagination_next_button', 'general.next')}
          </Button>
        </nav>
      )}
      {showAddButton && (
        <Button variant="secondary" className="rt-rg-add" disabled={!canAdd} onClick={add}>
          {addText}
        </Button>
      )}
    </Fieldset>
  );
}
