import type { RecentApp } from '../../../core/api';
import { fullTime, relativeTime } from '../../i18n/relativeTime';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/stores';
import { Button, IconButton } from '../../ui/Button';
import { Icon } from '../../ui/Icon';

export interface RecentAppsListProps {
  readonly items: readonly RecentApp[];
  readonly busyDir: string | null;
  readonly onOpen: (app: RecentApp) => void;
  readonly onForget: (app: RecentApp) => void;
}

/** The recent apps: open one with a click or Enter; missing ones can only be removed. */
export function RecentAppsList({ items, busyDir, onOpen, onForget }: RecentAppsListProps) {
  const t = useT();
  const language = useUi((s) => s.language);
  return (
    <ul className="recent-list" aria-label={t('start.recent.listLabel')}>
      {items.map((app) => {
        const opened = (
          <span className="recent-time" title={fullTime(app.openedAt, language)}>
            {t('start.recent.openedAt', { when: relativeTime(app.openedAt, language) })}
          </span>
        );
        return (
          <li key={app.dir} className={app.available ? 'recent-item' : 'recent-item recent-missing'} data-dir={app.dir}>
            {app.available ? (
              <button type="button" className="recent-open" onClick={() => onOpen(app)} disabled={busyDir !== null} aria-busy={busyDir === app.dir || undefined}>
                <Icon name="app" size={20} className="recent-icon" />
                <span className="recent-text">
                  <span className="recent-name">{app.name}</span>
                  <span className="path-text">{app.dir}</span>
                </span>
                {opened}
              </button>
            ) : (
              <div className="recent-open" aria-disabled="true">
                <Icon name="warning" size={20} className="recent-icon" />
                <span className="recent-text">
                  <span className="recent-name">
                    {app.name} <span className="badge badge-warning">{t('start.recent.missing')}</span>
                  </span>
                  <span className="path-text">{app.dir}</span>
                  <span className="recent-hint">{t('start.recent.missingHint')}</span>
                </span>
                {opened}
              </div>
            )}
            <div className="recent-actions">
              {app.available ? (
                <IconButton icon="close" label={t('start.recent.removeNamed', { name: app.name })} onClick={() => onForget(app)} className="recent-remove" />
              ) : (
                <Button size="sm" onClick={() => onForget(app)} aria-label={t('start.recent.removeNamed', { name: app.name })}>
                  {t('start.recent.remove')}
                </Button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
