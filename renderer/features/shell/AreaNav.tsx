import { useRef, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/useT';
import { uiStore, useUi } from '../../state/stores';
import { areaIds, type AreaId } from '../../state/uiStore';
import { Icon, type IconName } from '../../ui/Icon';

/** The icon of each area. */
export const areaIcons: Record<AreaId, IconName> = {
  overview: 'overview',
  layout: 'layout',
  code: 'code',
  texts: 'texts',
  datamodel: 'datamodel',
  process: 'process',
  preview: 'preview',
  history: 'history',
  review: 'review',
  deploy: 'deploy',
};

/** The left navigation between the studio's areas; arrow keys move between them. */
export function AreaNav() {
  const t = useT();
  const area = useUi((s) => s.area);
  const listRef = useRef<HTMLUListElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : null;
    if (next === null || index < 0) return;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length]?.focus();
  };

  return (
    <nav className="area-nav" aria-label={t('shell.areas')}>
      <ul ref={listRef} onKeyDown={onKeyDown}>
        {areaIds.map((id) => (
          <li key={id}>
            <button
              type="button"
              className={id === area ? 'area-link area-link-active' : 'area-link'}
              aria-current={id === area ? 'page' : undefined}
              data-area={id}
              onClick={() => uiStore.getState().setArea(id)}
            >
              <Icon name={areaIcons[id]} size={18} />
              <span>{t(`area.${id}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
