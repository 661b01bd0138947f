import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { workspaceStore } from '../../state/stores';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FolderBrowser } from './FolderBrowser';

/** The browser host's "Open app folder" dialog: a path field and a folder browser. */
export function OpenFolderDialog({ onClose, initialDir }: { readonly onClose: () => void; readonly initialDir?: string }) {
  const t = useT();
  const [dir, setDir] = useState(initialDir ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async () => {
    if (!dir.trim() || busy) return;
    setBusy(true);
    setError(null);
    const result = await workspaceStore.getState().open(dir.trim());
    // On success the start screen, and this dialog with it, goes away.
    if (!result.ok) {
      setError(result.error.message);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('openDialog.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      onSubmit={() => void open()}
      width="lg"
      busy={busy}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={busy || !dir.trim()}>
            {busy ? t('openDialog.opening') : t('openDialog.open')}
          </Button>
        </>
      }
    >
      {error ? <Alert>{t('openDialog.failed', { message: error })}</Alert> : null}
      <FolderBrowser value={dir} onChange={setDir} autoFocus />
    </Dialog>
  );
}
