import { useContext, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { describeProblem } from '../../../core/text/jsonDocument';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { AppDocumentContext, useAppDocument } from '../../state/stores';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useLayoutEditorStore } from '../layout/layoutEditorStore';
import { codeBuffersFor } from './codeBuffers';
import { CodeSession } from './codeSession';
import { componentAt, componentPlace } from './componentOffset';

/** Pause after the cursor stops before the component under it is selected on the canvas. */
const cursorSelectDelayMs = 150;

export interface SplitJsonEditorProps {
  /** The shown page's file. */
  readonly path: string;
}

/**
 * The Layout area's JSON beside the canvas: a second editor on the Code area's Monaco model of the
 * page file, so typing, undo, patches from visual edits and the sync are the same. Selecting a
 * component puts the cursor at its `"id"`; moving the cursor into a component selects it.
 */
export default function SplitJsonEditor({ path }: SplitJsonEditorProps) {
  const t = useT();
  const doc = useContext(AppDocumentContext)!;
  const layout = useLayoutEditorStore();
  const dir = useAppDocument((s) => s.dir);
  const [buffers] = useState(() => codeBuffersFor(dir, studioApi));
  const loaded = useStore(buffers, (s) => s.loaded);
  const buffer = useStore(buffers, (s) => s.buffers.get(path));
  const host = useRef<HTMLDivElement>(null);
  const [session, setSession] = useState<CodeSession | null>(null);
  const [cursor, setCursor] = useState<{ line: number; column: number } | null>(null);
  /** The id the cursor last selected on the canvas. */
  const fromCursor = useRef<string | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const created = new CodeSession(doc, buffers, host.current, (file) => t('code.editorLabel', { file }), { split: true });
    // The cursor moved by the person into a component selects it on the canvas (after a pause: each
    // lookup reads the page's text).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = created.onCursor((line, column, offset, byUser) => {
      setCursor({ line, column });
      clearTimeout(timer);
      if (!byUser) return;
      timer = setTimeout(() => {
        const text = created.text();
        const id = text === null ? null : componentAt(text, offset);
        const selection = layout.getState().selection;
        if (id && !(selection.length === 1 && selection[0] === id)) {
          fromCursor.current = id;
          layout.getState().select([id]);
        }
      }, cursorSelectDelayMs);
    });
    setSession(created);
    return () => {
      clearTimeout(timer);
      stop();
      created.dispose();
      setSession(null);
    };
    // One editor while the split view is open; its label takes the language at creation.
  }, [doc, buffers]);

  // The shown page's file, held in the buffers while shown here.
  useEffect(() => {
    if (!session || !loaded) return;
    buffers.getState().hold(path, doc.getState().model?.texts.get(path) ?? null);
    session.showPath(path);
    return () => buffers.getState().release(path);
  }, [session, buffers, doc, path, loaded]);

  // The canvas selection: the cursor goes to the component's "id" in the text.
  useEffect(() => {
    if (!session) return;
    const follow = (id: string | undefined) => {
      // A selection made from the cursor leaves the cursor where the person put it.
      if (id !== undefined && id === fromCursor.current) return;
      fromCursor.current = null;
      const text = session.text();
      const place = id && text !== null ? componentPlace(text, id) : null;
      if (place) session.revealOffset(place.idOffset);
    };
    follow(layout.getState().selection.at(-1));
    return layout.subscribe((s, prev) => {
      if (s.selection !== prev.selection) follow(s.selection.at(-1));
    });
  }, [session, layout, path]);

  const fileName = path.split('/').pop() ?? path;
  return (
    <section className="code-split" aria-label={t('code.splitTitle', { file: fileName })} data-testid="code-split">
      <div className="code-split-head">
        <span className="code-split-name" title={path}>
          {fileName}
        </span>
        <span className="code-split-cursor" data-testid="code-split-cursor">
          {cursor ? t('code.cursor', cursor) : ''}
        </span>
        <Button size="sm" variant="ghost" title={t('code.formatHint')} aria-keyshortcuts="Shift+Alt+F" disabled={!session} onClick={() => session?.format()}>
          {t('code.format')}
        </Button>
      </div>
      {buffer?.problem ? (
        <div className="code-split-note">
          <Alert>{t('code.problem', { file: fileName, problem: describeProblem(buffer.problem) })}</Alert>
        </div>
      ) : buffer?.conflict ? (
        <div className="code-split-note">
          <Alert
            tone="warning"
            action={
              <span className="code-choice">
                <Button size="sm" onClick={() => session?.keepMine(path)}>
                  {t('code.keepMine')}
                </Button>
                <Button size="sm" onClick={() => session?.takeTheirs(path)}>
                  {t('code.takeTheirs')}
                </Button>
              </span>
            }
          >
            {t('code.conflict', { file: fileName })}
          </Alert>
        </div>
      ) : null}
      <div className="code-split-editor-wrap">
        <div ref={host} className="code-editor" />
      </div>
    </section>
  );
}
