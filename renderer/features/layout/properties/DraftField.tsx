import { useId, useState, type ReactNode } from 'react';

export interface DraftFieldProps {
  readonly label: ReactNode;
  /** The value as the model has it. */
  readonly value: string;
  /**
   * Called with the typed text: on every change (`live`), or on Enter and on leaving the field.
   * Returns an error message to show instead of committing, or null when it was taken.
   */
  readonly onCommit: (text: string) => string | null;
  readonly live?: boolean;
  readonly multiline?: boolean;
  readonly hint?: ReactNode;
  readonly lang?: string;
  readonly placeholder?: string;
  readonly testId?: string;
}

/**
 * A text field that keeps what is typed while it has focus (the model follows a moment later, so the
 * caret never jumps), commits it as its owner asks, and shows why a value was refused.
 */
export function DraftField({ label, value, onCommit, live = false, multiline = false, hint, lang, placeholder, testId }: DraftFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = draft ?? value;
  const commit = (text: string) => {
    const problem = onCommit(text);
    setError(problem);
    return problem;
  };
  const common = {
    id,
    value: shown,
    lang,
    placeholder,
    'data-testid': testId,
    className: multiline ? 'input properties-textarea' : 'input',
    spellCheck: false,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    onFocus: () => setDraft(value),
    onBlur: () => {
      if (!live && draft !== null && draft !== value) {
        if (commit(draft) !== null) return;
      }
      setDraft(null);
    },
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value);
      if (live) commit(e.target.value);
      else setError(null);
    },
    onKeyDown: (e: { key: string; shiftKey: boolean; preventDefault(): void; currentTarget: { blur(): void } }) => {
      if (e.key === 'Escape') {
        setDraft(value);
        setError(null);
      } else if (e.key === 'Enter' && !(multiline && e.shiftKey) && !live && !multiline) {
        e.preventDefault();
        if (draft !== null && draft !== value) commit(draft);
      }
    },
  };
  return (
    <div className={['field', 'properties-field', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? <textarea rows={4} {...common} /> : <input autoComplete="off" {...common} />}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
