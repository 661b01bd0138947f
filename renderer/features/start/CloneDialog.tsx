import { useEffect, useState } from 'react';
import type { GitProgressEvent } from '../../../core/api';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { workspaceStore } from '../../state/stores';
import { errorData } from '../../state/workspaceStore';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { folderNameOf, targetDir, urlProblem } from './cloneForm';
import { FolderBrowser } from './FolderBrowser';

/**
 * "Clone an app": the repository's address, where to put it, and a username and access token for a
 * private repository (kept by the host, never in the repository). Shows the transfer as it goes, can
 * be cancelled, and opens the app when it is there.
 */
export function CloneDialog({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const [url, setUrl] = useState('');
  const [parent, setParent] = useState('');
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [username, setUsername] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<GitProgressEvent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);

  useEffect(() => {
    if (!busy) return;
    return studioApi.on('git:progress', (event) => {
      if (event.operation === 'clone') setProgress(event);
    });
  }, [busy]);

  const problem = urlProblem(url);
  const folder = nameTouched ? name : folderNameOf(url);
  const ready = problem === null && folder.trim() !== '' && parent.trim() !== '';

  const clone = async () => {
    setTried(true);
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    setProgress(null);
    const dir = targetDir(parent.trim(), folder.trim());
    try {
      const app = await studioApi.invoke('git:clone', { url: url.trim(), dir, ...(username.trim() && token ? { username: username.trim(), token } : {}) });
      // The host opened the app; the start screen, and this dialog with it, give way to it.
      await workspaceStore.getState().open(app.dir);
    } catch (e) {
      setError(errorData(e).message);
      setBusy(false);
    }
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : null;
  return (
    <Dialog
      title={t('clone.title')}
      closeLabel={t('common.close')}
      onClose={() => (busy ? void studioApi.invoke('git:cancel') : onClose())}
      onSubmit={() => void clone()}
      width="lg"
      busy={busy}
      footer={
        busy ? (
          <Button onClick={() => void studioApi.invoke('git:cancel')}>{t('clone.cancel')}</Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" variant="primary" disabled={!ready}>
              {t('clone.start')}
            </Button>
          </>
        )
      }
    >
      {error ? <Alert>{error}</Alert> : null}
      <TextField
        label={t('clone.url')}
        value={url}
        onChange={setUrl}
        placeholder="https://altinn.studio/repos/org/app.git"
        autoFocus
        disabled={busy}
        error={tried && problem ? t(`clone.url.${problem}`) : null}
        hint={t('clone.url.hint')}
      />
      <div className="field-row">
        <TextField label={t('clone.username')} value={username} onChange={setUsername} autoComplete="username" disabled={busy} />
        <TextField label={t('clone.token')} value={token} onChange={setToken} type="password" autoComplete="current-password" disabled={busy} />
      </div>
      <p className="field-hint">{t('clone.token.hint')}</p>
      <TextField
        label={t('clone.folderName')}
        value={folder}
        onChange={(value) => {
          setName(value);
          setNameTouched(true);
        }}
        disabled={busy}
        error={tried && folder.trim() === '' ? t('clone.folderName.missing') : null}
        hint={parent ? t('clone.target', { dir: targetDir(parent, folder || '…') }) : null}
      />
      <FolderBrowser value={parent} onChange={setParent} />
      {busy ? (
        <p className="clone-progress" role="status">
          {progress ? (percent !== null ? t('clone.progressPercent', { phase: progress.phase, percent }) : t('clone.progress', { phase: progress.phase })) : t('clone.starting')}
        </p>
      ) : null}
    </Dialog>
  );
}
