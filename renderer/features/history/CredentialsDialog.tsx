import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { useHistory, useHistoryStore } from './historyContext';

/** Asks for a username and access token for the remote's server, then runs `then` (the refused operation again). */
export function CredentialsDialog({ onClose, then }: { readonly onClose: () => void; readonly then?: () => Promise<void> }) {
  const t = useT();
  const store = useHistoryStore();
  const remote = useHistory((s) => s.repo?.remote ?? '');
  const busy = useHistory((s) => s.busy);
  const problem = useHistory((s) => (s.problem?.operation === 'credentials' ? s.problem : null));
  const [username, setUsername] = useState('');
  const [token, setToken] = useState('');
  const host = /^https?:\/\/([^/]+)/.exec(remote)?.[1] ?? remote;

  const save = async () => {
    if (!username.trim() || !token) return;
    if (!(await store.getState().setCredentials(username.trim(), token))) return;
    onClose();
    await then?.();
  };
  return (
    <Dialog
      title={t('history.credentials.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      onSubmit={() => void save()}
      busy={busy !== null}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" disabled={busy !== null || !username.trim() || !token}>
            {then ? t('history.credentials.saveAndRetry') : t('history.credentials.save')}
          </Button>
        </>
      }
    >
      <p className="small">{t('history.credentials.text', { host })}</p>
      <TextField label={t('history.credentials.username')} value={username} onChange={setUsername} autoComplete="username" />
      <TextField label={t('history.credentials.token')} value={token} onChange={setToken} type="password" autoComplete="current-password" hint={t('history.credentials.hint')} />
      {problem ? <Alert>{problem.message}</Alert> : null}
    </Dialog>
  );
}
