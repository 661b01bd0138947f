import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { CredentialsDialog } from './CredentialsDialog';
import { FormDialog } from '../../ui/FormDialog';
import { useHistory, useHistoryStore } from './historyContext';

/** Sets the address of the repository this one pushes to and pulls from (`origin`). */
export function RemoteDialog({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const store = useHistoryStore();
  const current = useHistory((s) => s.repo?.remote ?? '');
  const busy = useHistory((s) => s.busy);
  const problem = useHistory((s) => (s.problem?.operation === 'remote' ? s.problem : null));
  const hasCredentials = useHistory((s) => s.repo?.hasCredentials ?? false);
  const [url, setUrl] = useState(current);
  const [askCredentials, setAskCredentials] = useState(false);
  const valid = /^https?:\/\/\S+$/.test(url.trim());

  const save = async () => {
    if (valid && (await store.getState().setRemote(url.trim()))) onClose();
  };
  return (
    <FormDialog title={t('history.remote.title')} submitLabel={t('history.remote.save')} canSubmit={valid} busy={busy !== null} onSubmit={() => void save()} onClose={onClose}>
      <TextField
        label={t('history.remote.url')}
        value={url}
        onChange={setUrl}
        placeholder="https://altinn.studio/repos/org/app.git"
        hint={t('history.remote.hint')}
        error={url.trim() && !valid ? t('history.remote.invalid') : null}
      />
      {problem ? <Alert>{problem.message}</Alert> : null}
      {current ? (
        <div className="history-credentials">
          <span className="small muted">{hasCredentials ? t('history.credentials.kept') : t('history.credentials.none')}</span>
          {hasCredentials ? (
            <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => void store.getState().forgetCredentials()}>
              {t('history.credentials.forget')}
            </Button>
          ) : null}
          <Button size="sm" disabled={busy !== null} onClick={() => setAskCredentials(true)}>
            {t('history.credentials.set')}
          </Button>
        </div>
      ) : null}
      {askCredentials ? <CredentialsDialog onClose={() => setAskCredentials(false)} /> : null}
    </FormDialog>
  );
}
