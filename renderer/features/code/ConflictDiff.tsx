import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT';
import { languageFor } from './codeSync';
import { monaco } from './monacoSetup';

export interface ConflictDiffProps {
  readonly path: string;
  /** The editor's unsaved text. */
  readonly mine: string;
  /** The file's new version (null: it was deleted). */
  readonly theirs: string | null;
}

/** Monaco's diff editor, read-only: the unsaved text against the version that arrived underneath it. */
export function ConflictDiff({ path, mine, theirs }: ConflictDiffProps) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const language = languageFor(path);
    // Models of their own (no URI): the file's editor model keeps its undo stack untouched.
    const original = monaco.editor.createModel(mine, language);
    const modified = monaco.editor.createModel(theirs ?? '', language);
    const diff = monaco.editor.createDiffEditor(host.current, {
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      theme: 'vs',
    });
    diff.setModel({ original, modified });
    return () => {
      diff.dispose();
      original.dispose();
      modified.dispose();
    };
  }, [path, mine, theirs]);
  return (
    <div className="code-diff" data-testid="code-diff">
      <div className="code-diff-heads">
        <span>{t('code.compareMine')}</span>
        <span>{theirs === null ? t('code.compareDeleted') : t('code.compareTheirs')}</span>
      </div>
      <div ref={host} className="code-diff-editor" />
    </div>
  );
}
