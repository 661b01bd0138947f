import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { Button } from './Button';
import { Dialog, type DialogProps } from './Dialog';

export interface FormDialogProps {
  readonly title: string;
  readonly submitLabel: string;
  readonly canSubmit: boolean;
  readonly busy: boolean;
  readonly onSubmit: () => void;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly width?: DialogProps['width'];
}

/** A small form in a dialog with Cancel and one submit button (Enter submits). */
export function FormDialog({ title, submitLabel, canSubmit, busy, onSubmit, onClose, children, width }: FormDialogProps) {
  const t = useT();
  return (
    <Dialog
      title={title}
      closeLabel={t('common.close')}
      onClose={onClose}
      onSubmit={onSubmit}
      busy={busy}
      {...(width ? { width } : {})}
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
