import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { IconButton } from './Button';

export interface DialogProps {
  readonly title: string;
  /** Called on Escape and the close button (not on a click outside, which would lose what was typed). */
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** The buttons at the bottom. */
  readonly footer: ReactNode;
  /** Turns the dialog into a form; Enter in a field submits it. */
  readonly onSubmit?: () => void;
  readonly closeLabel: string;
  readonly width?: 'md' | 'lg';
  readonly busy?: boolean;
}

/**
 * A modal dialog on the native `<dialog>`: the browser keeps focus inside it, makes the page behind
 * it inert and closes it on Escape.
 */
export function Dialog({ title, onClose, children, footer, onSubmit, closeLabel, width = 'md', busy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first focusable element, which is the close button; start in the first field instead.
    dialog.querySelector<HTMLElement>('.dialog-body input, .dialog-body select, .dialog-body textarea')?.focus();
    const cancel = (event: Event) => {
      // The dialog's owner decides when it goes away, so state and DOM stay in step.
      event.preventDefault();
      onCloseRef.current();
    };
    // Chromium closes a dialog on a second Escape even when cancel was refused; follow it then.
    const closed = () => onCloseRef.current();
    dialog.addEventListener('cancel', cancel);
    dialog.addEventListener('close', closed);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.removeEventListener('close', closed);
      if (dialog.open) dialog.close();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // React bubbles events along the component tree, so a dialog opened from another dialog's form
    // would otherwise submit that form too.
    event.stopPropagation();
    onSubmit?.();
  };
  const body = (
    <>
      <header className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <IconButton icon="close" label={closeLabel} onClick={onClose} />
      </header>
      <div className="dialog-body">{children}</div>
      <footer className="dialog-footer">{footer}</footer>
    </>
  );
  // In a portal, so a dialog opened from inside another dialog's form is not a form inside a form.
  return createPortal(
    <dialog
      ref={ref}
      className={`dialog dialog-${width}`}
      aria-labelledby={titleId}
      aria-busy={busy || undefined}
    >
      {onSubmit ? (
        <form className="dialog-form" onSubmit={submit} noValidate>
          {body}
        </form>
      ) : (
        <div className="dialog-form">{body}</div>
      )}
    </dialog>,
    document.body,
  );
}
