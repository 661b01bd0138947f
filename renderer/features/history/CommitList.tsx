import { useState } from 'react';
import type { GitChangedFile, GitCommit } from '../../../core/api';
import { fullTime, relativeTime } from '../../i18n/relativeTime';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { useUi } from '../../state/stores';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { TextField } from '../../ui/TextField';
import { FormDialog } from '../../ui/FormDialog';
import { openReview } from '../review/reviewRequest';
import { shortOid } from './BranchBar';
import { useHistory, useHistoryStore } from './historyContext';

type Files = { readonly files: readonly GitChangedFile[] } | { readonly error: string };

/** The form that tags a commit: a name, and a message for an annotated tag. */
function TagDialog({ commit, onClose }: { readonly commit: GitCommit; readonly onClose: () => void }) {
  const t = useT();
  const store = useHistoryStore();
  const busy = useHistory((s) => s.busy);
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const submit = async () => {
    if (!name.trim()) return;
    if (await store.getState().createTag(name.trim(), commit.oid, message)) onClose();
  };
  return (
    <FormDialog title={t('history.tag.title')} submitLabel={t('history.tag.create')} canSubmit={name.trim() !== ''} busy={busy === 'tag'} onSubmit={() => void submit()} onClose={onClose}>
      <TextField label={t('history.tag.name')} value={name} onChange={setName} hint={t('history.tag.nameHint')} autoFocus />
      <TextField label={t('history.tag.message')} value={message} onChange={setMessage} />
    </FormDialog>
  );
}

/** One commit: its summary line, and when opened its whole message and the files it changed. */
function CommitRow({ commit, isHead }: { readonly commit: GitCommit; readonly isHead: boolean }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<Files | null>(null);
  const [tagging, setTagging] = useState(false);
  const tags = useHistory((s) => s.tags).filter((tag) => tag.oid === commit.oid);
  const [summary, ...rest] = commit.message.trimEnd().split('\n');
  const body = rest.join('\n').trim();
  const iso = new Date(commit.date).toISOString();
  const parent = commit.parents[0];

  const toggle = () => {
    setOpen(!open);
    if (!open && !files) {
      studioApi.invoke('git:commitFiles', { oid: commit.oid }).then(
        (list) => setFiles({ files: list }),
        (error: unknown) => setFiles({ error: error instanceof Error ? error.message : String(error) }),
      );
    }
  };
  const panelId = `history-commit-${commit.oid}`;
  return (
    <li className="history-commit-row" data-oid={commit.oid}>
      <div className="history-commit-line">
        <button type="button" className="history-commit-open" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
          <Icon name={open ? 'chevronDown' : 'chevronRight'} />
          <span className="history-commit-summary">{summary}</span>
        </button>
        {isHead ? <span className="badge badge-accent">{t('history.commits.head')}</span> : null}
        <span className="history-commit-author">{commit.author.name}</span>
        <time className="history-commit-date muted" dateTime={iso} title={fullTime(iso, language)}>
          {relativeTime(iso, language)}
        </time>
        {tags.map((tag) => (
          <span key={tag.name} className="badge" title={tag.message ?? undefined}>
            {tag.name}
          </span>
        ))}
        <span className="mono muted small">{shortOid(commit.oid)}</span>
        <Button size="sm" variant="ghost" aria-label={t('history.tag.actionOne', { summary: summary ?? shortOid(commit.oid) })} onClick={() => setTagging(true)}>
          {t('history.tag.action')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          icon="review"
          disabled={!parent}
          title={parent ? undefined : t('history.commits.firstCommit')}
          aria-label={t('history.commits.reviewOne', { summary: summary ?? shortOid(commit.oid) })}
          onClick={() => parent && openReview(parent, commit.oid)}
        >
          {t('history.commits.review')}
        </Button>
      </div>
      {tagging ? <TagDialog commit={commit} onClose={() => setTagging(false)} /> : null}
      {open ? (
        <div className="history-commit-details" id={panelId}>
          {body ? <pre className="history-commit-body">{body}</pre> : null}
          <p className="muted small">{t('history.commits.by', { name: commit.author.name, email: commit.author.email, date: fullTime(iso, language) })}</p>
          {!files ? (
            <p className="muted small">{t('common.loading')}</p>
          ) : 'error' in files ? (
            <Alert>{files.error}</Alert>
          ) : (
            <ul className="history-commit-files" aria-label={t('history.commits.files', { count: files.files.length })}>
              {files.files.map((file) => (
                <li key={file.path}>
                  <span className={`history-kind history-kind-${file.change}`} aria-label={t(`history.kind.${file.change}`)} title={t(`history.kind.${file.change}`)}>
                    {file.change[0]!.toUpperCase()}
                  </span>{' '}
                  <span className="path-text">{file.path}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </li>
  );
}

/** The commits of the current branch, newest first, a page at a time. */
export function CommitList() {
  const t = useT();
  const store = useHistoryStore();
  const commits = useHistory((s) => s.commits);
  const next = useHistory((s) => s.next);
  const busy = useHistory((s) => s.busy);
  const repo = useHistory((s) => s.repo)!;
  const tags = useHistory((s) => s.tags);

  // Since the last push: the remote branch when there is one; else the newest tag reachable in the list.
  const lastTag = tags.map((tag) => ({ tag, at: commits.findIndex((c) => c.oid === tag.oid) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at)[0]?.tag;
  const since = repo.branch && repo.ahead !== null ? `origin/${repo.branch}` : (lastTag?.name ?? null);

  if (commits.length === 0) return <p className="muted history-empty">{t('history.commits.none')}</p>;
  return (
    <div className="history-commits">
      <div className="history-commits-head">
        <Button icon="review" disabled={since === null} title={since === null ? t('history.commits.sinceNone') : undefined} onClick={() => since && openReview(since, null)}>
          {since?.startsWith('origin/') || since === null ? t('history.commits.sincePush') : t('history.commits.sinceTag', { tag: since })}
        </Button>
      </div>
      <ol className="history-commit-list" aria-label={t('history.commits.list')}>
        {commits.map((commit) => (
          <CommitRow key={commit.oid} commit={commit} isHead={commit.oid === repo.head} />
        ))}
      </ol>
      {next ? (
        <Button disabled={busy !== null} onClick={() => void store.getState().loadMore()}>
          {t('history.commits.more')}
        </Button>
      ) : null}
    </div>
  );
}
