/**
 * Asks before a delete that leaves references pointing at nothing, listing each of them (file, kind
 * and name); deleting then runs the same command again, confirmed.
 */
import { runCommand } from '../../commands/registry';
import { useT } from '../../i18n/useT';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { layoutDialogs, useLayoutDialogs } from './layoutDialogs';
import { reportCommandFailure } from './layoutFailures';

export function ConfirmReferencesDialog() {
  const t = useT();
  const confirmation = useLayoutDialogs((s) => s.confirmation);
  if (!confirmation) return null;
  const close = () => layoutDialogs.getState().ask(null);
  const confirm = async () => {
    close();
    const result =
      confirmation.kind === 'deletePage'
        ? await runCommand('layout.deletePage', { page: confirmation.page, confirmed: true })
        : await runCommand('layout.delete', { ids: confirmation.ids, confirmed: true });
    reportCommandFailure(result);
  };
  const pageDelete = confirmation.kind === 'deletePage';
  return (
    <Dialog
      title={pageDelete ? t('layout.confirm.deletePageTitle', { page: confirmation.page }) : t('layout.confirm.deleteTitle')}
      onClose={close}
      closeLabel={t('common.close')}
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button variant="danger" onClick={() => void confirm()}>
            {t('layout.confirm.delete')}
          </Button>
        </>
      }
    >
      {pageDelete ? <p>{t('layout.confirm.deletePageText')}</p> : null}
      {confirmation.broken.length > 0 ? (
        <>
          <p>{pageDelete ? t('layout.confirm.deletePageRefs') : t('layout.confirm.deleteText')}</p>
          <ul className="lc-refs" data-testid="broken-references">
            {confirmation.broken.map((ref, i) => (
              <li key={i}>{t('layout.reference', { file: ref.file, kind: ref.kind, key: ref.key })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Dialog>
  );
}
