import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

export interface FormDialogProps {
  readonly title: string;
  readonly submitLabel: string;
  readonly canSubmit: boolean;
  readonly busy: boolean;
  readonly onSubmit: () => void;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/** A small form in a dialog with Cancel and one submit button (Enter submits). */
export function FormDialog({ title, submitLabel, canSubmit, busy, onSubmit, onClose, children }: FormDialogProps) {
  const t = useT();
  return (
    <Dialog
      title={title}
      closeLabel={t('common.close')}
      onClose={onClose}
      onSubmit={onSubmit}
      busy={busy}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" disabled={!canSubmit || busy}>
            {submitLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
