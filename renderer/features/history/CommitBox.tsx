import { useId, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/useT';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { useHistory, useHistoryStore } from './historyContext';

/** Name and e-mail that go into commits; shown open when none are set yet. */
function AuthorForm({ onDone }: { readonly onDone?: () => void }) {
  const t = useT();
  const store = useHistoryStore();
  const author = useHistory((s) => s.author);
  const busy = useHistory((s) => s.busy);
  const [name, setName] = useState(author?.name ?? '');
  const [email, setEmail] = useState(author?.email ?? '');
  const emailValid = /^[^\s@]+@[^\s@]+$/.test(email.trim());
  const save = async () => {
    if (name.trim() && emailValid && (await store.getState().setAuthor({ name: name.trim(), email: email.trim() }))) onDone?.();
  };
  return (
    <div className="history-author-form" role="group" aria-label={t('history.author.title')}>
      {!author ? <p className="small">{t('history.author.missing')}</p> : null}
      <TextField label={t('history.author.name')} value={name} onChange={setName} />
      <TextField label={t('history.author.email')} value={email} onChange={setEmail} type="email" error={email.trim() && !emailValid ? t('history.author.emailInvalid') : null} />
      <div className="history-author-actions">
        {author && onDone ? (
          <Button size="sm" variant="ghost" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        ) : null}
        <Button size="sm" variant="primary" disabled={busy !== null || !name.trim() || !emailValid} onClick={() => void save()}>
          {t('history.author.save')}
        </Button>
      </div>
    </div>
  );
}

/** The commit box: a message, amend the last commit, and who the commit is by. */
export function CommitBox({ stagedCount }: { readonly stagedCount: number }) {
  const t = useT();
  const store = useHistoryStore();
  const author = useHistory((s) => s.author);
  const head = useHistory((s) => s.repo?.head ?? null);
  const lastMessage = useHistory((s) => (s.commits[0]?.oid === s.repo?.head ? (s.commits[0]?.message ?? '') : ''));
  const busy = useHistory((s) => s.busy);
  const [message, setMessage] = useState('');
  const [amend, setAmend] = useState(false);
  const [editingAuthor, setEditingAuthor] = useState(false);
  const messageId = useId();

  const canCommit = busy === null && author !== null && message.trim() !== '' && (stagedCount > 0 || amend);
  const commit = async () => {
    if (!canCommit) return;
    if (await store.getState().commit(message.trim(), amend)) {
      setMessage('');
      setAmend(false);
    }
  };
  const toggleAmend = (on: boolean) => {
    setAmend(on);
    // Amending starts from the last commit's message; the person's own text is never replaced.
    if (on && !message.trim()) setMessage(lastMessage.trimEnd());
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void commit();
    }
  };

  return (
    <section className="history-commit" aria-label={t('history.commit.title')}>
      <label className="field-label" htmlFor={messageId}>
        {t('history.commit.message')}
      </label>
      <textarea
        id={messageId}
        className="input history-commit-message"
        value={message}
        rows={3}
        placeholder={t('history.commit.placeholder')}
        onChange={(e) => setMessage(e.target.value)}
        onKeyDown={onKey}
      />
      <label className="history-check">
        <input type="checkbox" checked={amend} disabled={head === null} onChange={(e) => toggleAmend(e.target.checked)} />
        {t('history.commit.amend')}
      </label>
      {!author || editingAuthor ? (
        <AuthorForm onDone={author ? () => setEditingAuthor(false) : undefined} />
      ) : (
        <p className="history-author small">
          <span data-testid="history-author">{t('history.author.as', { name: author.name, email: author.email })}</span>
          <Button size="sm" variant="ghost" onClick={() => setEditingAuthor(true)}>
            {t('history.author.change')}
          </Button>
        </p>
      )}
      <Button variant="primary" icon="check" disabled={!canCommit} onClick={() => void commit()}>
        {amend ? t('history.commit.amendAction') : t('history.commit.action', { count: stagedCount })}
      </Button>
      {stagedCount === 0 && !amend ? <p className="muted small">{t('history.commit.nothingStaged')}</p> : null}
    </section>
  );
}
