import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/TextField';
import { FormDialog } from '../../ui/FormDialog';
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
    <FormDialog
      title={t('history.credentials.title')}
      submitLabel={then ? t('history.credentials.saveAndRetry') : t('history.credentials.save')}
      canSubmit={username.trim() !== '' && token !== ''}
      busy={busy !== null}
      onSubmit={() => void save()}
      onClose={onClose}
    >
      <p className="small">{t('history.credentials.text', { host })}</p>
      <TextField label={t('history.credentials.username')} value={username} onChange={setUsername} autoComplete="username" />
      <TextField label={t('history.credentials.token')} value={token} onChange={setToken} type="password" autoComplete="current-password" hint={t('history.credentials.hint')} />
      {problem ? <Alert>{problem.message}</Alert> : null}
    </FormDialog>
  );
}
