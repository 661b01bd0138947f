import { useContext, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/useT';
import { AppDocumentContext, useAppDocument } from '../../state/stores';
import { Icon } from '../../ui/Icon';
import { buildTree, treeKeyAction, visibleRows, type TreeRow } from './fileTreeModel';

/** The app's files as a keyboard-navigable tree (WAI-ARIA tree view: arrows, Home/End, Enter, type-ahead). */
export function FileTree() {
  const t = useT();
  const store = useContext(AppDocumentContext)!;
  const files = useAppDocument((s) => s.files);
  const expanded = useAppDocument((s) => s.expanded);
  const selected = useAppDocument((s) => s.selectedPath);
  const changed = useAppDocument((s) => s.changedInSession);
  const tree = useMemo(() => buildTree(files), [files]);
  const rows = useMemo(() => visibleRows(tree, expanded), [tree, expanded]);
  const [focused, setFocused] = useState<string | null>(null);
  const [moveFocus, setMoveFocus] = useState(false);
  const items = useRef(new Map<string, HTMLLIElement>());

  // The one row that is in the tab order: the focused one, else the selection, else the first.
  const active = rows.find((r) => r.path === focused)?.path ?? rows.find((r) => r.path === selected)?.path ?? rows[0]?.path ?? null;

  useEffect(() => {
    if (moveFocus && active) items.current.get(active)?.focus();
    setMoveFocus(false);
  }, [moveFocus, active]);

  const focusRow = (path: string) => {
    setFocused(path);
    setMoveFocus(true);
  };

  const activate = (row: TreeRow) => {
    setFocused(row.path);
    store.getState().select(row.path);
    if (row.kind === 'dir') store.getState().toggleFolder(row.path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!active || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key.length === 1 && event.key !== ' ') {
      // Type-ahead: the next row whose name starts with the typed character.
      const start = rows.findIndex((r) => r.path === active);
      const ch = event.key.toLowerCase();
      const next = [...rows.slice(start + 1), ...rows.slice(0, start + 1)].find((r) => r.name.toLowerCase().startsWith(ch));
      if (next) focusRow(next.path);
      return;
    }
    const action = treeKeyAction(rows, active, event.key);
    if (action.kind === 'none') return;
    event.preventDefault();
    if (action.kind === 'focus') focusRow(action.path);
    else if (action.kind === 'toggle') {
      store.getState().toggleFolder(action.path, action.open);
      store.getState().select(action.path);
    } else store.getState().select(action.path);
  };

  if (rows.length === 0) return <p className="muted tree-empty">{t('shell.noFiles')}</p>;
  return (
    <ul role="tree" className="file-tree" aria-label={t('shell.fileTree')} onKeyDown={onKeyDown}>
      {rows.map((row) => (
        <li
          key={row.path}
          ref={(el) => {
            if (el) items.current.set(row.path, el);
            else items.current.delete(row.path);
          }}
          role="treeitem"
          className={row.path === selected ? 'tree-row tree-row-selected' : 'tree-row'}
          aria-level={row.level}
          aria-setsize={row.setSize}
          aria-posinset={row.posInSet}
          aria-expanded={row.kind === 'dir' ? row.expanded : undefined}
          aria-selected={row.path === selected}
          tabIndex={row.path === active ? 0 : -1}
          data-path={row.path}
          title={row.path}
          style={{ paddingInlineStart: `${(row.level - 1) * 14 + 6}px` }}
          onClick={() => activate(row)}
          onFocus={(e) => {
            if (e.target === e.currentTarget) setFocused(row.path);
          }}
        >
          <span className="tree-chevron" aria-hidden="true">
            {row.kind === 'dir' ? <Icon name={row.expanded ? 'chevronDown' : 'chevronRight'} size={14} /> : null}
          </span>
          <Icon name={row.kind === 'dir' ? (row.expanded ? 'folderOpen' : 'folder') : 'file'} className={row.kind === 'dir' ? 'icon-folder' : 'icon-file'} />
          <span className="tree-name">{row.name}</span>
          {row.kind === 'file' && changed.has(row.path) ? (
            <span className="tree-changed" role="img" aria-label={t('shell.changedInSession')} title={t('shell.changedInSessionHint')} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
