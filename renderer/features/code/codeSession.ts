/**
 * The live code view: one Monaco editor, a Monaco model per open file (kept while the app is open,
 * so each file keeps its undo stack and cursor across tabs and areas), and the two-way sync with the
 * document store. The decisions are in codeSync.ts; this file carries them out.
 */
import type { StoreApi } from 'zustand/vanilla';
import { runCommand } from '../../commands/registry';
import type { AppDocumentState } from '../../state/appDocumentStore';
import { uiStore } from '../../state/stores';
import { isUnsaved, type CodeBuffersState } from './codeBuffers';
import { codeTools } from './codeCommands';
import { formatEdits } from './codeFormat';
import { keepLineEndings, usesOnly, withLineEnding } from './lineEndings';
import { decideEdit, decideModelChange, isJsonPath, languageFor, minimalPatch, type TextPatch } from './codeSync';
import { registerStudioIntelligence, studioMarkers } from './intelligence/registerIntelligence';
import { monaco } from './monacoSetup';

/** Pause after the last keystroke before a valid text reaches the model. */
export const codeEditDelayMs = 300;

/**
 * Files at least this long (characters) are large: the editor leaves out what is computed again for
 * the whole text after each change (sticky scroll and the outline behind it, folding regions, colour
 * boxes, occurrence highlights, links), and the text is read out of the editor when typing pauses,
 * not per keystroke.
 */
export const largeFileChars = 512 * 1024;

const largeFileOptions = { stickyScroll: { enabled: false }, folding: false, colorDecorators: false, occurrencesHighlight: 'off', selectionHighlight: false, links: false } as const;

// Outlive the editor: the models (undo stacks), view states (cursor, scroll) of the open app.
let modelsDir: string | null = null;
const models = new Map<string, monaco.editor.ITextModel>();
const viewStates = new Map<string, monaco.editor.ICodeEditorViewState | null>();

function forDir(dir: string): void {
  if (modelsDir === dir) return;
  for (const model of models.values()) model.dispose();
  models.clear();
  viewStates.clear();
  modelsDir = dir;
}

const fileName = (path: string) => path.split('/').pop() ?? path;

export interface CodeSessionOptions {
  /**
   * The editor shows one file given by `showPath` (the Layout area's JSON beside the canvas) instead
   * of the active tab. It is the same Monaco model, so undo, patches and the sync are shared.
   */
  readonly split?: boolean;
}

export class CodeSession {
  private readonly editor: monaco.editor.IStandaloneCodeEditor;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The last text given to the model per path, while it may still be on its way back. */
  private readonly sent = new Map<string, string>();
  private readonly listeners = new Map<string, monaco.IDisposable>();
  private readonly cleanups: (() => void)[] = [];
  private shown: string | null = null;
  private patching = false;
  private readonly split: boolean;
  private pinned: string | null = null;
  private readonly formatter = () => this.format();
  private readonly normalOptions: monaco.editor.IEditorOptions;
  /** Paths typed in since their text was last read out of the editor (large files only). */
  private readonly unread = new Set<string>();

  constructor(
    private readonly doc: StoreApi<AppDocumentState>,
    private readonly buffers: StoreApi<CodeBuffersState>,
    container: HTMLElement,
    private readonly ariaLabel: (path: string) => string,
    options: CodeSessionOptions = {},
  ) {
    this.split = options.split ?? false;
    // Beside the canvas the column is narrow: long lines wrap, and no sticky scroll covers the few lines there are.
    this.normalOptions = { stickyScroll: { enabled: !this.split }, folding: true, colorDecorators: true, occurrencesHighlight: 'singleFile', selectionHighlight: true, links: true };
    forDir(buffers.getState().dir);
    this.editor = monaco.editor.create(container, {
      model: null,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      theme: 'vs',
      ...this.normalOptions,
      ...(this.split ? { lineNumbersMinChars: 3, wordWrap: 'on' as const } : {}),
    });
    // The studio's format (the file's own indentation) and search over Monaco's own bindings for these keys.
    this.editor.addCommand(monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF, () => this.format());
    this.editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyF, () => void runCommand('code.search'));
    codeTools.setState({ formatter: this.formatter });
    // Completion, hover, go to definition and references for the app's names; the catalogue's schemas.
    const intelligence = registerStudioIntelligence(
      monaco,
      () => this.doc.getState().model,
      (uri) => (uri.scheme === 'studio' ? uri.path.replace(/^\//, '') : null),
      (path, line, column) => this.reveal(path, line, column),
      (path) => (this.doc.getState().model?.texts.has(path) ? this.modelFor(path).uri : null),
    );
    // Typing not yet read out of a large file reaches the buffers (and their backups, flushed on the same event) first.
    const leave = () => this.readAll();
    window.addEventListener('pagehide', leave, { capture: true });
    this.cleanups.push(
      () => window.removeEventListener('pagehide', leave, { capture: true }),
      () => intelligence.dispose(),
      doc.subscribe((state, prev) => {
        if (state.model !== prev.model) this.reconcile();
        if (state.check !== prev.check) this.mark();
      }),
      buffers.subscribe((state, prev) => {
        if (state.active !== prev.active || state.open !== prev.open) this.show();
        // Text restored from a backup is checked as it arrives: its banner, or the model takes it.
        for (const [path, buffer] of state.buffers) if (!prev.buffers.has(path) && isUnsaved(buffer) && !buffer.conflict) this.settle(path);
      }),
    );
    this.reconcile();
    // Unsaved buffers (typed before, or restored from a backup): their banner, or the model takes them.
    for (const [path, buffer] of buffers.getState().buffers) if (isUnsaved(buffer) && !buffer.conflict) this.settle(path);
    this.show();
  }

  focus(): void {
    this.editor.focus();
  }

  /** The editor model of `path` (made from its buffer or the app model's text when missing). */
  modelOf(path: string): monaco.editor.ITextModel {
    return this.modelFor(path);
  }

  /** Opens `path` in a tab and puts the cursor at line/column, selecting `length` characters (go to definition, a search match). */
  reveal(path: string, line: number, column: number, length = 0): void {
    const buffers = this.buffers.getState();
    if (!buffers.open.includes(path)) buffers.openFile(path, this.doc.getState().model?.texts.get(path) ?? null);
    this.buffers.getState().activate(path);
    if (this.split && path !== this.pinned) {
      // Another file: the Code area opens it (its editor remembers this place through the view state).
      uiStore.getState().setArea('code');
      return;
    }
    this.show();
    this.editor.setSelection(new monaco.Range(line, column, line, column + length));
    this.editor.revealPositionInCenter({ lineNumber: line, column });
    this.editor.focus();
  }

  /** Split view: shows `path` (held in the buffers by the caller). */
  showPath(path: string | null): void {
    this.pinned = path;
    this.show();
  }

  /** Puts the cursor at `offset` of the shown file and scrolls it into view, without taking the focus. */
  revealOffset(offset: number): void {
    const model = this.editor.getModel();
    if (!model) return;
    const position = model.getPositionAt(offset);
    this.editor.setPosition(position);
    this.editor.revealPositionNearTop(position);
  }

  /** The shown file's text (ahead of the model while typing). */
  text(): string | null {
    return this.editor.getModel()?.getValue() ?? null;
  }

  /**
   * Calls `listener` with the cursor's line, column and offset whenever it moves, and whether the person
   * moved it (typing, a click, keys) rather than the studio; returns its removal.
   */
  onCursor(listener: (line: number, column: number, offset: number, byUser: boolean) => void): () => void {
    const subscription = this.editor.onDidChangeCursorPosition((e) => {
      const offset = this.editor.getModel()?.getOffsetAt(e.position) ?? 0;
      listener(e.position.lineNumber, e.position.column, offset, e.source !== 'api' && this.editor.hasTextFocus());
    });
    return () => subscription.dispose();
  }

  /**
   * Formats the shown JSON file in its own style (indentation, line ending) as one undoable edit;
   * false when the shown file is not JSON. The sync takes the result like any typing.
   */
  format(): boolean {
    const path = this.shown;
    const model = path ? models.get(path) : undefined;
    if (!path || !model || model.isDisposed() || !isJsonPath(path)) return false;
    const edits = formatEdits(model.getValue());
    if (edits.length === 0) return true;
    const operations = edits.map((edit) => {
      const start = model.getPositionAt(edit.offset);
      const end = model.getPositionAt(edit.offset + edit.length);
      return { range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: edit.content };
    });
    this.editor.pushUndoStop();
    this.editor.executeEdits('code.format', operations);
    this.editor.pushUndoStop();
    return true;
  }

  /** The app check's findings as markers in every open file. */
  private mark(): void {
    const check = this.doc.getState().check;
    for (const [path, model] of models) if (!model.isDisposed()) studioMarkers(monaco, model, check, path);
  }

  /** The Monaco model of `path`, created from its buffer the first time. */
  private modelFor(path: string): monaco.editor.ITextModel {
    let model = models.get(path);
    const buffer = this.buffers.getState().buffers.get(path);
    if (!model || model.isDisposed()) {
      // A file not open yet (a definition in it) starts from the model's text.
      const text = buffer?.text ?? this.doc.getState().model?.texts.get(path) ?? '';
      model = monaco.editor.createModel(text, languageFor(path), monaco.Uri.from({ scheme: 'studio', path: `/${path}` }));
      models.set(path, model);
    }
    if (!this.listeners.has(path)) {
      const m = model;
      this.listeners.set(
        path,
        model.onDidChangeContent(() => this.onTyped(path, m)),
      );
    }
    return model;
  }

  /** Shows the active tab's model; drops the models of closed, saved files. */
  private show(): void {
    const { open, buffers, held } = this.buffers.getState();
    const active = this.split ? this.pinned : this.buffers.getState().active;
    if (this.shown && this.shown !== active && models.has(this.shown)) viewStates.set(this.shown, this.editor.saveViewState());
    for (const path of [...models.keys()]) {
      if (open.includes(path) || held.includes(path)) continue;
      const buffer = buffers.get(path);
      if (buffer && isUnsaved(buffer)) continue;
      this.listeners.get(path)?.dispose();
      this.listeners.delete(path);
      models.get(path)?.dispose();
      models.delete(path);
      viewStates.delete(path);
    }
    if (active === this.shown && (active === null || this.editor.getModel() === models.get(active))) return;
    this.shown = active;
    if (active === null) {
      this.editor.setModel(null);
      return;
    }
    const shownModel = this.modelFor(active);
    const large = shownModel.getValueLength() >= largeFileChars;
    this.editor.updateOptions(large ? largeFileOptions : this.normalOptions);
    this.editor.setModel(shownModel);
    studioMarkers(monaco, shownModel, this.doc.getState().check, active);
    this.editor.updateOptions({ ariaLabel: this.ariaLabel(active) });
    const state = viewStates.get(active);
    if (state) this.editor.restoreViewState(state);
  }

  private onTyped(path: string, model: monaco.editor.ITextModel): void {
    if (model.getValueLength() >= largeFileChars && !this.patching) {
      // Reading megabytes out of the editor per keystroke would block typing: it is read when typing pauses.
      this.unread.add(path);
    } else {
      this.unread.delete(path);
      this.buffers.getState().update(path, { text: model.getValue() });
    }
    if (this.patching) return;
    const timer = this.timers.get(path);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.set(
      path,
      setTimeout(() => this.settle(path), codeEditDelayMs),
    );
  }

  /** Puts the editor's text of `path` into its buffer when typing left it unread (large files). */
  private read(path: string): void {
    if (!this.unread.delete(path)) return;
    const model = models.get(path);
    if (model && !model.isDisposed()) this.buffers.getState().update(path, { text: model.getValue() });
  }

  /** Puts every unread editor text into the buffers (before the page goes away). */
  readAll(): void {
    for (const path of [...this.unread]) this.read(path);
  }

  /** Typing settled: a valid text goes to the model, an invalid one gets its banner. */
  settle(path: string): void {
    const timer = this.timers.get(path);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(path);
    this.read(path);
    let buffer = this.buffers.getState().buffers.get(path);
    const model = this.doc.getState().model;
    if (!buffer || !model || buffer.conflict) return;
    const modelText = model.texts.get(path) ?? null;
    // The editor gives every line one ending; the file keeps its own outside the edit.
    const editorModel = models.get(path);
    if (modelText !== null && editorModel && !editorModel.isDisposed()) {
      const kept = keepLineEndings(modelText, buffer.text, editorModel.getEOL() === '\r\n' ? '\r\n' : '\n');
      if (kept !== buffer.text) {
        this.buffers.getState().update(path, { text: kept });
        buffer = this.buffers.getState().buffers.get(path)!;
      }
    }
    const action = decideEdit(path, buffer.text, modelText);
    if (action.kind === 'banner') {
      this.buffers.getState().update(path, { problem: action.problem });
      return;
    }
    if (action.kind === 'none') {
      this.buffers.getState().update(path, { problem: null, base: modelText });
      return;
    }
    this.buffers.getState().update(path, { problem: null });
    this.sent.set(path, buffer.text);
    void this.doc
      .getState()
      .apply(new Map([[path, buffer.text]]), { key: 'code.edit', params: { file: fileName(path) } }, { mergeKey: `code:${path}` })
      .catch(() => {
        // The model is still loading or the write failed: the shell says so; the text stays here.
      });
  }

  /** The model changed: each buffer follows it, is patched, or asks. */
  private reconcile(): void {
    const model = this.doc.getState().model;
    if (!model) return;
    this.readAll();
    for (const [path, buffer] of this.buffers.getState().buffers) {
      const newText = model.texts.get(path) ?? null;
      if (newText === buffer.base && !buffer.conflict) continue;
      if (buffer.conflict && buffer.conflict.text === newText) continue;
      const action = decideModelChange({ editorText: buffer.text, lastModelText: buffer.base, newModelText: newText, sentText: this.sent.get(path) });
      if (action.kind === 'agree') {
        if (newText === buffer.text) this.sent.delete(path);
        this.buffers.getState().update(path, { base: newText, conflict: null, ...(newText === buffer.text ? { problem: null } : {}) });
      } else if (action.kind === 'patch') {
        // The buffer may hold the file's own line endings; the editor's text has its one ending.
        const editorModel = models.get(path);
        const eol = editorModel?.getEOL() === '\r\n' ? '\r\n' : '\n';
        this.patch(path, editorModel && !editorModel.isDisposed() && !usesOnly(buffer.text, eol) ? minimalPatch(editorModel.getValue(), withLineEnding(newText ?? '', eol)) : action.patch);
        this.buffers.getState().update(path, { text: newText ?? '', base: newText, problem: null, conflict: null });
      } else {
        this.buffers.getState().update(path, { conflict: { text: newText } });
      }
    }
  }

  /** Changes the editor's text with one undoable edit, so cursor, selection and undo stay. */
  private patch(path: string, patch: TextPatch): void {
    const model = models.get(path);
    if (!model || model.isDisposed()) return;
    const start = model.getPositionAt(patch.start);
    const end = model.getPositionAt(patch.end);
    const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
    this.patching = true;
    try {
      model.pushStackElement();
      model.pushEditOperations(this.editor.getModel() === model ? this.editor.getSelections() : [], [{ range, text: patch.text }], () => null);
      model.pushStackElement();
    } finally {
      this.patching = false;
    }
  }

  /** The user keeps the editor's text over the model's new one. */
  keepMine(path: string): void {
    this.read(path);
    const buffer = this.buffers.getState().buffers.get(path);
    if (!buffer?.conflict) return;
    this.buffers.getState().update(path, { base: buffer.conflict.text, conflict: null });
    this.settle(path);
  }

  /** The user takes the model's text (an undoable edit in the editor: Ctrl+Z brings theirs back). */
  takeTheirs(path: string): void {
    this.read(path);
    const buffer = this.buffers.getState().buffers.get(path);
    if (!buffer) return;
    const text = buffer.conflict ? buffer.conflict.text : (this.doc.getState().model?.texts.get(path) ?? null);
    if (text === null) {
      this.buffers.getState().update(path, { text: '', base: null, conflict: null, problem: null, restoredAt: null });
      this.close(path);
      return;
    }
    const model = this.modelFor(path);
    this.patch(path, minimalPatch(model.getValue(), text));
    this.buffers.getState().update(path, { text: model.getValue(), base: text, conflict: null, problem: null, restoredAt: null });
  }

  close(path: string): void {
    if (this.timers.has(path)) this.settle(path);
    this.buffers.getState().close(path);
  }

  dispose(): void {
    for (const path of [...this.timers.keys()]) this.settle(path);
    if (this.shown && models.has(this.shown)) viewStates.set(this.shown, this.editor.saveViewState());
    for (const cleanup of this.cleanups) cleanup();
    if (codeTools.getState().formatter === this.formatter) codeTools.setState({ formatter: null });
    for (const listener of this.listeners.values()) listener.dispose();
    this.listeners.clear();
    this.editor.dispose();
  }
}
