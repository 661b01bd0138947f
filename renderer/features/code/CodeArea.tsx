import { useContext, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { describeProblem } from '../../../core/text/jsonDocument';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { AppDocumentContext, useAppDocument } from '../../state/stores';
import { Alert } from '../../ui/Alert';
import { Button, IconButton } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { codeBuffersFor, isUnsaved } from './codeBuffers';
import { codeTools } from './codeCommands';
import { CodeSearchPanel } from './CodeSearchPanel';
import { CodeSession } from './codeSession';
import { isJsonPath } from './codeSync';
import CommittedDiff from './CommittedDiff';
import { ConflictDiff } from './ConflictDiff';

const fileName = (path: string) => path.split('/').pop() ?? path;

// The file-tree selection the code view last followed (a selection made elsewhere opens on arrival).
let followedSelection: string | null = null;

/** The Code area: open files in tabs, one Monaco editor, kept in step with the visual editors. */
export default function CodeArea() {
  const t = useT();
  const doc = useContext(AppDocumentContext)!;
  const dir = useAppDocument((s) => s.dir);
  const modelReady = useAppDocument((s) => s.model !== null);
  const [buffers] = useState(() => codeBuffersFor(dir, studioApi));
  const loaded = useStore(buffers, (s) => s.loaded);
  // Files open once the model and the backups are read, so no unsaved text is missed.
  const ready = modelReady && loaded;
  const open = useStore(buffers, (s) => s.open);
  const active = useStore(buffers, (s) => s.active);
  const all = useStore(buffers, (s) => s.buffers);
  const host = useRef<HTMLDivElement>(null);
  const [session, setSession] = useState<CodeSession | null>(null);
  const [notText, setNotText] = useState<string | null>(null);
  const [comparing, setComparing] = useState<string | null>(null);
  const [committed, setCommitted] = useState<string | null>(null);
  const searchOpen = useStore(codeTools, (s) => s.searchOpen);

  // The file tree's selection opens the file here.
  useEffect(() => {
    if (!ready) return;
    const follow = (path: string | null) => {
      if (path === followedSelection) return;
      followedSelection = path;
      const state = doc.getState();
      if (path === null || state.files.find((f) => f.path === path)?.kind !== 'file') return;
      const text = state.model?.texts.get(path);
      if (text === undefined) {
        setNotText(path);
        return;
      }
      setNotText(null);
      buffers.getState().openFile(path, text);
    };
    // Unsaved text from a crash or an earlier session comes back in tabs of its own (each with its notice).
    const texts = doc.getState().model?.texts;
    for (const path of buffers.getState().restorable.keys()) buffers.getState().openFile(path, texts?.get(path) ?? null);
    follow(doc.getState().selectedPath);
    return doc.subscribe((s, prev) => {
      if (s.selectedPath !== prev.selectedPath) follow(s.selectedPath);
    });
  }, [doc, buffers, ready]);

  useEffect(() => {
    if (!ready || !host.current) return;
    const created = new CodeSession(doc, buffers, host.current, (path) => t('code.editorLabel', { file: path }));
    setSession(created);
    return () => {
      created.dispose();
      setSession(null);
    };
    // The editor lives as long as the area (its label takes the language at creation and tab switches).
  }, [doc, buffers, ready]);

  const buffer = active ? all.get(active) : undefined;
  // The difference shows while the conflict it explains lasts.
  const diffShown = active !== null && comparing === active && buffer?.conflict != null;
  const committedShown = !diffShown && active !== null && committed === active && session !== null;
  return (
    <div className="code-area" data-testid="code-area">
      <div className="code-bar">
        <div className="code-tabs" role="tablist" aria-label={t('code.tabs')}>
          {open.map((path) => {
            const b = all.get(path);
            const unsaved = b ? isUnsaved(b) : false;
            return (
              <div key={path} className={path === active ? 'code-tab code-tab-active' : 'code-tab'} data-path={path}>
                <button
                  type="button"
                  role="tab"
                  aria-selected={path === active}
                  className="code-tab-name"
                  title={path}
                  onClick={() => buffers.getState().activate(path)}
                >
                  {fileName(path)}
                  {b?.problem ? <span className="code-tab-mark code-tab-invalid" role="img" aria-label={t('code.invalidMark')} /> : unsaved ? <span className="code-tab-mark" role="img" aria-label={t('code.unsaved')} /> : null}
                </button>
                <IconButton icon="close" className="code-tab-close" label={t('code.close', { file: fileName(path) })} onClick={() => session?.close(path)} />
              </div>
            );
          })}
        </div>
        <div className="code-actions">
          <Button size="sm" variant={committedShown ? 'primary' : 'ghost'} aria-pressed={committedShown} disabled={!session || !active || diffShown} onClick={() => setCommitted(committedShown ? null : active)}>
            {t('code.committed')}
          </Button>
          <Button size="sm" variant="ghost" title={t('code.formatHint')} aria-keyshortcuts="Shift+Alt+F" disabled={!session || !active || !isJsonPath(active) || diffShown} onClick={() => session?.format()}>
            {t('code.format')}
          </Button>
          <Button size="sm" variant={searchOpen ? 'primary' : 'ghost'} aria-pressed={searchOpen} aria-keyshortcuts="Control+Shift+F" onClick={() => codeTools.setState((s) => ({ searchOpen: !s.searchOpen, searchFocus: s.searchFocus + 1 }))}>
            {t('code.search')}
          </Button>
        </div>
      </div>
      <div className="code-banners">
        {notText ? <Alert tone="info">{t('code.notText', { file: notText })}</Alert> : null}
        {active && buffer?.conflict ? (
          <Alert
            tone="warning"
            action={
              <span className="code-choice">
                <Button size="sm" variant={diffShown ? 'primary' : 'secondary'} aria-pressed={diffShown} onClick={() => setComparing(diffShown ? null : active)}>
                  {diffShown ? t('code.compareClose') : t('code.compare')}
                </Button>
                <Button size="sm" onClick={() => session?.keepMine(active)}>
                  {t('code.keepMine')}
                </Button>
                <Button size="sm" onClick={() => session?.takeTheirs(active)}>
                  {t('code.takeTheirs')}
                </Button>
              </span>
            }
          >
            {t(buffer.conflict.text === null ? 'code.conflictDeleted' : 'code.conflict', { file: fileName(active) })}
          </Alert>
        ) : null}
        {active && buffer?.restoredAt != null ? (
          <Alert
            tone="info"
            action={
              <span className="code-choice">
                <Button size="sm" onClick={() => buffers.getState().update(active, { restoredAt: null })}>
                  {t('code.keepRestored')}
                </Button>
                <Button size="sm" onClick={() => session?.takeTheirs(active)}>
                  {t('code.discardRestored')}
                </Button>
              </span>
            }
          >
            {t('code.restored', { file: fileName(active), time: new Date(buffer.restoredAt).toLocaleString() })}
          </Alert>
        ) : null}
        {active && buffer?.problem ? (
          <Alert>{t('code.problem', { file: fileName(active), problem: describeProblem(buffer.problem) })}</Alert>
        ) : null}
      </div>
      <div className={searchOpen ? 'code-body code-body-search' : 'code-body'}>
        {searchOpen ? <CodeSearchPanel buffers={buffers} onOpen={(path, line, column, length) => session?.reveal(path, line, column, length)} /> : null}
        <div className="code-editor-wrap">
          <div ref={host} className="code-editor" hidden={!active || diffShown || committedShown} />
          {committedShown && session ? (
            <CommittedDiff
              key={active}
              path={active}
              working={session.modelOf(active)}
              labels={{ loading: t('code.committedLoading'), newFile: t('code.committedNew'), editor: t('code.committedEditor') }}
            />
          ) : null}
          {diffShown && buffer?.conflict ? <ConflictDiff path={active} mine={buffer.text} theirs={buffer.conflict.text} /> : null}
          {!active ? (
            <div className="code-empty">
              <EmptyState icon="code" title={t('area.code')}>
                {ready ? t('code.empty') : t('code.loading')}
              </EmptyState>
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
