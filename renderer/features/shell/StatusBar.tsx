import type { HostKind } from '../../../core/api';
import { useT } from '../../i18n/useT';
import { useAppDocument } from '../../state/stores';
import { Icon } from '../../ui/Icon';

/** The bottom line: where the studio runs, how many files and problems the app has, and unsaved edits. */
export function StatusBar({ host }: { readonly host: HostKind | null }) {
  const t = useT();
  const fileCount = useAppDocument((s) => s.files.filter((f) => f.kind === 'file').length);
  const problems = useAppDocument((s) => s.overview?.problems.length ?? 0);
  const saving = useAppDocument((s) => s.save.saving);
  const unsaved = useAppDocument((s) => (s.save.error !== null ? s.save.unsaved.length : 0));
  return (
    <footer className="statusbar">
      {host ? <span>{t(host === 'web' ? 'host.web' : 'host.electron')}</span> : null}
      <span>{t('shell.fileCount', { count: fileCount })}</span>
      {unsaved > 0 ? (
        <span className="status-unsaved">{t('save.unsaved', { count: unsaved })}</span>
      ) : saving ? (
        <span className="status-saving">{t('save.saving')}</span>
      ) : null}
      <span className={problems ? 'status-problems' : undefined}>
        <Icon name={problems ? 'warning' : 'check'} size={14} />{' '}
        {problems === 0 ? t('overview.noProblems') : problems === 1 ? t('overview.problemsOne') : t('overview.problemsMany', { count: problems })}
      </span>
    </footer>
  );
}
