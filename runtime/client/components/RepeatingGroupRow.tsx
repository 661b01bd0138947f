/**
 * The edit container of one repeating-group row: its children (one inner page at a time with
 * `edit.multiPage`), and the save / save-and-next / delete buttons named with the row.
 */
import { Button } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { ComponentNode } from '../../../core/expressions';
import type { Derived } from '../state/derive';
import { ComponentView } from './ComponentView';
import { textOr, uiText } from './containerTexts';
import { childPages, editFlag, rowChildren } from './repeatingGroupModel';
import { propOf } from './useNode';

export interface RowEditProps {
  readonly derived: Derived;
  readonly node: ComponentNode;
  readonly index: number;
  /** The row's 1-based position as the user sees it. */
  readonly position: number;
  readonly canDelete: boolean;
  readonly hasNext: boolean;
  readonly showSave: boolean;
  readonly onSave: (next: boolean) => void;
  readonly onDelete: () => void;
}

export function RepeatingGroupRow({ derived, node, index, position, canDelete, hasNext, showSave, onSave, onDelete }: RowEditProps) {
  const [innerPage, setInnerPage] = useState(0);
  const pages = childPages(node);
  const multiPage = editFlag(derived, node, 'multiPage', false);
  const pageNumbers = [...new Set(pages.values())].sort((a, b) => a - b);
  const current = multiPage ? (pageNumbers[innerPage] ?? 0) : undefined;
  const children = rowChildren(node, index).filter(
    (c) => propOf(derived, node, `tableColumns.${c.baseId}.showInExpandedEdit`) !== false && (current === undefined || pages.get(c.baseId) === current),
  );
  const rowName = uiText(derived, 'general.row', position);
  const saveText = textOr(derived, node, 'save_button', 'general.save_and_close');
  const deleteText = uiText(derived, 'general.delete');
  return (
    <div className="rt-rg-edit" data-rowindex={index} role="group" aria-label={`${uiText(derived, 'general.edit_row')} ${position}`}>
      {children.map((child) => (
        <ComponentView key={child.id} node={child} />
      ))}
      <div className="rt-rg-actions">
        {multiPage && innerPage > 0 && (
          <Button variant="secondary" data-size="sm" onClick={() => setInnerPage(innerPage - 1)}>
            {textOr(derived, node, 'multipage_back_button', 'general.back')}
          </Button>
        )}
        {multiPage && innerPage < pageNumbers.length - 1 && (
          <Button variant="secondary" data-size="sm" onClick={() => setInnerPage(innerPage + 1)}>
            {textOr(derived, node, 'multipage_next_button', 'general.next')}
          </Button>
        )}
        {showSave && editFlag(derived, node, 'saveButton', true) && (
          <Button data-size="sm" aria-label={`${saveText} ${rowName}`} onClick={() => onSave(false)}>
            {saveText}
          </Button>
        )}
        {showSave && hasNext && editFlag(derived, node, 'saveAndNextButton', false) && (
          <Button variant="secondary" data-size="sm" onClick={() => onSave(true)}>
            {textOr(derived, node, 'save_and_next_button', 'general.save_and_next')}
          </Button>
        )}
        {canDelete && (
          <Button variant="tertiary" data-color="danger" data-size="sm" aria-label={`${deleteText} ${rowName}`} onClick={onDelete}>
            {deleteText}
          </Button>
        )}
      </div>
    </div>
  );
}
