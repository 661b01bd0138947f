import { useT } from '../../i18n/useT';
import { fullTime, relativeTime } from '../../i18n/relativeTime';
import { useUi } from '../../state/stores';
import { Button } from '../../ui/Button';
import { useHistory, useHistoryStore } from './historyContext';

/** Work kept before an operation replaced it (discard, switch, pull, reset), newest first, each restorable. */
export function RecoveryList() {
  const t = useT();
  const language = useUi((s) => s.language);
  const store = useHistoryStore();
  const entries = useHistory((s) => s.recovery);
  const busy = useHistory((s) => s.busy);

  if (entries.length === 0) return <p className="muted history-empty">{t('history.recovery.none')}</p>;
  const sorted = [...entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div className="history-recovery">
      <p className="muted small">{t('history.recovery.intro')}</p>
      <ul className="history-recovery-list" aria-label={t('history.recovery.list')}>
        {sorted.map((entry) => (
          <li key={entry.id} className="history-recovery-entry" data-entry={entry.id}>
            <div className="history-recovery-head">
              <strong>{entry.operation}</strong>
              <time className="muted" dateTime={entry.createdAt} title={fullTime(entry.createdAt, language)}>
                {relativeTime(entry.createdAt, language)}
              </time>
              <span className="muted small">{t('history.recovery.files', { count: entry.files.length })}</span>
              <Button size="sm" variant="primary" disabled={busy !== null} onClick={() => void store.getState().recover(entry.id)}>
                {t('history.recovery.restore')}
              </Button>
            </div>
            <ul className="history-recovery-files">
              {entry.files.map((file) => (
                <li key={file.path}>
                  <span className="path-text">{file.path}</span>
                  {!file.inWorkingTree ? <span className="muted small"> {t('history.recovery.wasDeleted')}</span> : null}
                  <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => void store.getState().recover(entry.id, [file.path])} aria-label={t('history.recovery.restoreOne', { file: file.path })}>
                    {t('history.recovery.restoreFile')}
                  </Button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
