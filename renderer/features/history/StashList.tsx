import { fullTime, relativeTime } from '../../i18n/relativeTime';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/stores';
import { Button } from '../../ui/Button';
import { useHistory, useHistoryStore } from './historyContext';

const kindLetter = { added: 'A', modified: 'M', deleted: 'D' } as const;

/** Work put aside with Stash, newest first: apply it, apply and delete it, or delete it (into the recovery list). */
export function StashList() {
  const t = useT();
  const language = useUi((s) => s.language);
  const store = useHistoryStore();
  const stashes = useHistory((s) => s.stashes);
  const busy = useHistory((s) => s.busy);
  const { applyStash, dropStash } = store.getState();

  if (stashes.length === 0) return <p className="muted history-empty">{t('history.stashes.none')}</p>;
  return (
    <ul className="history-recovery-list" aria-label={t('history.stashes.list')}>
      {stashes.map((stash) => (
        <li key={stash.oid} className="history-recovery-entry" data-stash={stash.index}>
          <div className="history-recovery-head">
            <strong>{stash.message}</strong>
            <time className="muted" dateTime={stash.createdAt} title={fullTime(stash.createdAt, language)}>
              {relativeTime(stash.createdAt, language)}
            </time>
            <span className="muted small">{t('history.stashes.files', { count: stash.files.length })}</span>
            <span className="history-group-actions">
              <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => void dropStash(stash.index)} aria-label={t('history.stashes.dropOne', { message: stash.message })}>
                {t('history.stashes.drop')}
              </Button>
              <Button size="sm" disabled={busy !== null} onClick={() => void applyStash(stash.index, false)} aria-label={t('history.stashes.applyOne', { message: stash.message })}>
                {t('history.stashes.apply')}
              </Button>
              <Button size="sm" variant="primary" disabled={busy !== null} onClick={() => void applyStash(stash.index, true)} aria-label={t('history.stashes.popOne', { message: stash.message })}>
                {t('history.stashes.pop')}
              </Button>
            </span>
          </div>
          <ul className="history-recovery-files">
            {stash.files.map((file) => (
              <li key={file.path}>
                <span className={`history-kind history-kind-${file.change}`} title={t(`history.kind.${file.change}`)}>
                  {kindLetter[file.change]}
                </span>{' '}
                <span className="path-text">{file.path}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
