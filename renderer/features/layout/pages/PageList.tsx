/**
 * The pages of the shown layout set, in Settings order (and in their navigation groups when Settings
 * has them): show a page, add, rename (references follow), duplicate, delete (after a confirmation
 * listing what refers to it), and reorder by dragging or with Alt+Arrow keys. A component dragged
 * onto a page moves to the end of that page.
 */
import { useDraggable } from '@dnd-kit/core';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { UiFolder } from '../../../../core/app/model/types';
import { runCommand } from '../../../commands/registry';
import { useT } from '../../../i18n/useT';
import { Button } from '../../../ui/Button';
import { Icon } from '../../../ui/Icon';
import { layoutDialogs, useLayoutDialogs } from '../layoutDialogs';
import { useLayoutEditor, useLayoutEditorStore } from '../layoutEditorStore';
import { reportCommandFailure } from '../layoutFailures';
import { navigationGroups } from './navigationGroups';

function RenameForm({ page }: { page: string }) {
  const t = useT();
  const [name, setName] = useState(page);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await runCommand('layout.renamePage', { page, name });
    if (!result.ok) setError(result.reason === 'failed' ? result.message : null);
    else layoutDialogs.getState().rename(null);
  };
  return (
    <form className="lpg-rename" onSubmit={(e) => void submit(e)}>
      <input
        className="input input-sm"
        aria-label={t('layout.pages.newName', { page })}
        value={name}
        autoFocus
        aria-invalid={error ? true : undefined}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), layoutDialogs.getState().rename(null))}
      />
      <Button size="sm" variant="primary" type="submit">
        {t('layout.pages.save')}
      </Button>
      {error ? (
        <p className="lpg-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function PageRow({ name, index, count, components }: { name: string; index: number; count: number; components: number }) {
  const t = useT();
  const layout = useLayoutEditorStore();
  const current = useLayoutEditor((s) => s.page === name);
  const renaming = useLayoutDialogs((s) => s.renaming === name);
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `page:${name}`, data: { kind: 'page', page: name } });
  const move = (to: number) => void runCommand('layout.movePage', { page: name, index: to }).then(reportCommandFailure);
  const keys = (event: KeyboardEvent) => {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      move(event.key === 'ArrowUp' ? index - 1 : index + 2);
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  return (
    <li className={`lpg-page${current ? ' is-current' : ''}${isDragging ? ' is-dragging' : ''}`} data-lc-page={name} data-lc-index={index} data-lc-depth={0}>
      <button
        ref={setNodeRef}
        type="button"
        {...attributes}
        {...listeners}
        onKeyDown={keys}
        className="lpg-show"
        aria-current={current ? 'page' : undefined}
        aria-label={name}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        onClick={() => layout.getState().showPage(name)}
      >
        <Icon name="file" size={14} />
        <span className="lpg-name">{name}</span>
        <span className="lpg-count" aria-hidden="true">
          {components}
        </span>
      </button>
      {current && renaming ? <RenameForm page={name} /> : null}
      {current && !renaming ? (
        <div className="lpg-actions" role="group" aria-label={t('layout.pages.actions', { page: name })}>
          <Button size="sm" variant="ghost" onClick={() => layoutDialogs.getState().rename(name)}>
            {t('layout.pages.rename')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => void runCommand('layout.duplicatePage', { page: name }).then(reportCommandFailure)}>
            {t('layout.pages.duplicate')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => void runCommand('layout.deletePage', { page: name }).then(reportCommandFailure)}>
            {t('layout.pages.delete')}
          </Button>
          <span className="lpg-move">
            <button type="button" className="icon-btn" aria-label={t('layout.pages.moveUp', { page: name })} title={t('layout.pages.moveUp', { page: name })} disabled={index === 0} onClick={() => move(index - 1)}>
              <Icon name="arrowUp" size={14} />
            </button>
            <button
              type="button"
              className="icon-btn lpg-down"
              aria-label={t('layout.pages.moveDown', { page: name })}
              title={t('layout.pages.moveDown', { page: name })}
              disabled={index === count - 1}
              onClick={() => move(index + 2)}
            >
              <Icon name="arrowUp" size={14} />
            </button>
          </span>
        </div>
      ) : null}
    </li>
  );
}

export function PageList({ folder }: { readonly folder: UiFolder }) {
  const t = useT();
  const names = folder.pages.map((p) => p.name);
  const totals = new Map(folder.pages.map((p) => [p.name, p.components.length]));
  const groups = navigationGroups(folder);
  const row = (name: string) => <PageRow key={name} name={name} index={names.indexOf(name)} count={names.length} components={totals.get(name) ?? 0} />;
  return (
    <section className="lpg" aria-labelledby="lpg-title">
      <div className="layout-side-head">
        <h2 id="lpg-title" className="layout-side-title">
          {t('layout.pages')}
        </h2>
        <Button size="sm" icon="plus" onClick={() => void runCommand('layout.addPage').then(reportCommandFailure)}>
          {t('layout.pages.add')}
        </Button>
      </div>
      {names.length === 0 ? <p className="muted lpg-none">{t('layout.pages.none')}</p> : null}
      <div data-lc-clip="" className="lpg-scroll">
        {groups ? (
          groups.map((group, i) => (
            <div key={i} className="lpg-group" role="group" aria-label={t('layout.pages.group', { name: group.name })}>
              <h3 className="lpg-group-title">{group.name}</h3>
              <ul className="lpg-list">{group.pages.filter((p) => names.includes(p)).map(row)}</ul>
            </div>
          ))
        ) : (
          <ul className="lpg-list" aria-label={t('layout.pages')}>
            {names.map(row)}
          </ul>
        )}
      </div>
      <p className="lpg-hint">{t('layout.pages.keyboardHint')}</p>
    </section>
  );
}
