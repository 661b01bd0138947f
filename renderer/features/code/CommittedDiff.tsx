import { useEffect, useRef, useState } from 'react';
import { studioApi } from '../../platform';
import { Alert } from '../../ui/Alert';
import { languageFor } from './codeSync';
import { monaco } from './monacoSetup';

/** What the view says around the diff; the placer passes its translated texts (English by default). */
export interface CommittedDiffLabels {
  readonly loading: string;
  /** The file is not in the last commit (new since): the left side is empty. */
  readonly newFile: string;
  readonly editor: string;
}

const englishLabels: CommittedDiffLabels = {
  loading: 'Reading the last commit…',
  newFile: 'This file is new since the last commit.',
  editor: 'Changes since the last commit',
};

export interface CommittedDiffProps {
  /** The file, relative to the app folder. */
  readonly path: string;
  /**
   * The working text: the code session's Monaco model of the file (the diff follows typing and the
   * right side stays editable, with its undo stack), or a text shown read-only.
   */
  readonly working: monaco.editor.ITextModel | string;
  /** Reads HEAD's text of `path` (null: not in HEAD); the studio API by default. */
  readonly readCommitted?: (path: string) => Promise<string | null>;
  readonly labels?: Partial<CommittedDiffLabels>;
}

const viaApi = async (path: string) => (await studioApi.invoke('git:fileAtHead', { path })).content;

type Head = { readonly state: 'loading' } | { readonly state: 'ready'; readonly text: string | null } | { readonly state: 'failed'; readonly message: string };

/**
 * The working file against the last commit in Monaco's diff editor: left HEAD's text, read-only;
 * right the working text. Reading HEAD goes through main (git stays there).
 */
export default function CommittedDiff({ path, working, readCommitted = viaApi, labels }: CommittedDiffProps) {
  const text = { ...englishLabels, ...labels };
  const host = useRef<HTMLDivElement>(null);
  const [head, setHead] = useState<Head>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    setHead({ state: 'loading' });
    readCommitted(path).then(
      (committed) => live && setHead({ state: 'ready', text: committed }),
      (error: unknown) => live && setHead({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [path, readCommitted]);

  const committed = head.state === 'ready' ? head.text : undefined;
  useEffect(() => {
    if (committed === undefined || !host.current) return;
    const language = languageFor(path);
    // Not the 'studio' scheme: the studio's providers and markers leave the committed side alone.
    const original = monaco.editor.createModel(committed ?? '', language, monaco.Uri.from({ scheme: 'studio-head', path: `/${path}` }));
    const ownModified = typeof working === 'string';
    const modified = typeof working === 'string' ? monaco.editor.createModel(working, language, monaco.Uri.from({ scheme: 'studio-working', path: `/${path}` })) : working;
    const editor = monaco.editor.createDiffEditor(host.current, {
      automaticLayout: true,
      originalEditable: false,
      readOnly: ownModified,
      renderSideBySide: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      ariaLabel: text.editor,
      theme: 'vs',
    });
    editor.setModel({ original, modified });
    return () => {
      editor.dispose();
      original.dispose();
      // The session's model outlives the view (its undo stack); only a model made here goes.
      if (ownModified) modified.dispose();
    };
  }, [committed, path, working, text.editor]);

  return (
    <div className="code-committed-diff" data-testid="committed-diff" data-path={path}>
      {head.state === 'loading' ? <Alert tone="info">{text.loading}</Alert> : null}
      {head.state === 'failed' ? <Alert>{head.message}</Alert> : null}
      {head.state === 'ready' && head.text === null ? <Alert tone="info">{text.newFile}</Alert> : null}
      <div ref={host} className="code-editor" style={{ minHeight: 200, flex: 1 }} hidden={head.state !== 'ready'} />
    </div>
  );
}
