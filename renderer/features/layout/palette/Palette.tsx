/**
 * The component palette: every catalogue component the shown layout set can hold, grouped, with a
 * search over names and descriptions. Items are buttons: Enter (or a click) adds the component after
 * the selection or at the end of the page; Space picks it up for a keyboard drag; the mouse drags it.
 */
import { useDraggable } from '@dnd-kit/core';
import { memo, useId, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { PaletteItem } from '../../../../core/catalog';
import { runCommand } from '../../../commands/registry';
import { useT } from '../../../i18n/useT';
import type { TextKey } from '../../../i18n/texts';
import { reportCommandFailure } from '../layoutFailures';
import { type PaletteContext, paletteFor } from './paletteModel';

const insert = (type: string) => void runCommand('layout.insertComponent', { type }).then(reportCommandFailure);

const PaletteButton = memo(function PaletteButton({ item, hintId }: { item: PaletteItem; hintId: string }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `new:${item.type}`, data: { kind: 'new', type: item.type } });
  const keys = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      insert(item.type);
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  // A click from the keyboard (detail 0) is Space picking the item up, not an insert.
  const click = (event: MouseEvent) => {
    if (event.detail > 0) insert(item.type);
  };
  return (
    <li>
      <button
        ref={setNodeRef}
        type="button"
        {...attributes}
        {...listeners}
        role="button"
        onKeyDown={keys}
        onClick={click}
        className={`lp-item${isDragging ? ' is-dragging' : ''}`}
        aria-label={item.displayName}
        aria-describedby={`${hintId}-${item.type} ${attributes['aria-describedby']}`}
        data-type={item.type}
      >
        <span className="lp-item-name">{item.displayName}</span>
        <span className="lp-item-desc" id={`${hintId}-${item.type}`}>
          {item.description}
        </span>
      </button>
    </li>
  );
});

export function Palette({ context }: { readonly context: PaletteContext }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteFor(context, query), [context, query]);
  const hintId = useId();
  return (
    <section className="lp-palette" aria-labelledby={`${hintId}-title`}>
      <h2 id={`${hintId}-title`} className="layout-side-title">
        {t('layout.palette')}
      </h2>
      <input
        type="search"
        className="input input-sm lp-search"
        placeholder={t('layout.palette.search')}
        aria-label={t('layout.palette.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="lp-hint">{t('layout.palette.insertHint')}</p>
      <div className="lp-groups" data-lc-clip="">
        {groups.length === 0 ? <p className="muted lp-none">{t('layout.palette.none', { query })}</p> : null}
        {groups.map((group) => (
          <div key={group.category} className="lp-group" role="group" aria-labelledby={`${hintId}-${group.category}`}>
            <h3 id={`${hintId}-${group.category}`} className="lp-group-title">
              {t(`layout.palette.group.${group.category}` as TextKey)}
            </h3>
            <ul className="lp-list">
              {group.items.map((item) => (
                <PaletteButton key={item.type} item={item} hintId={hintId} />
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
