import { useContext } from 'react';
import { useT } from '../../i18n/useT';
import { AppDocumentContext, useAppDocument } from '../../state/stores';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';

/** What the shell must tell about the document: a failed save (with retry) and a refused undo or redo. */
export function DocumentAlerts() {
  const t = useT();
  const store = useContext(AppDocumentContext)!;
  const saveError = useAppDocument((s) => s.save.error);
  const notice = useAppDocument((s) => s.historyNotice);
  return (
    <>
      {saveError !== null ? (
        <Alert
          action={
            <Button variant="primary" size="sm" onClick={() => store.getState().retrySave()}>
              {t('save.retry')}
            </Button>
          }
        >
          <span data-testid="save-error">{t('save.failed', { message: saveError })}</span>
        </Alert>
      ) : null}
      {notice ? (
        <Alert
          tone="warning"
          action={
            <Button size="sm" onClick={() => store.getState().dismissHistoryNotice()}>
              {t('common.dismiss')}
            </Button>
          }
        >
          {t(notice.action === 'undo' ? 'edit.undoRefused' : 'edit.redoRefused', {
            action: t(notice.label.key, notice.label.params),
            files: notice.paths.join(', '),
          })}
        </Alert>
      ) : null}
    </>
  );
}
