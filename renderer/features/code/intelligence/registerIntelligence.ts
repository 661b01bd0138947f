/**
 * The Monaco glue of the studio's JSON intelligence: schemas from the catalogue for the JSON worker,
 * and completion, hover, go to definition and find references for the names an app's files share,
 * plus the app check's diagnostics as markers. Monaco is only a type here: the caller passes its
 * instance, so tests and other modules never load the editor.
 */
import type * as Monaco from 'monaco-editor';
import type { AppModel } from '../../../../core/app/model/types';
import type { Severity } from '../../../../core/refs/diagnostic';
import type { AppCheckResult } from '../../../state/appCheck/appChecker';
import { completionsAt } from './completions';
import { hoverOf } from './hover';
import { markersFor } from './markers';
import { type FileLocation, definitionsOf, referencesOf } from './navigation';
import { studioJsonOptions } from './schemaFor';
import { symbolAt } from './symbolAt';

type MonacoApi = typeof Monaco;
type TextModel = Monaco.editor.ITextModel;

/** The owner of the studio's markers (the JSON worker's are under 'json'). */
export const studioMarkerOwner = 'studio';

const kindOfSymbol = (monaco: MonacoApi, kind: string): Monaco.languages.CompletionItemKind => {
  const k = monaco.languages.CompletionItemKind;
  return kind === 'text' ? k.Text : kind === 'component' ? k.Reference : kind === 'dataPath' ? k.Field : kind === 'optionsId' ? k.Enum : kind === 'page' ? k.File : k.Value;
};

/**
 * Registers the studio's providers for 'json' models and gives the JSON worker the catalogue's schemas.
 * `getModel` is the open app's current model; `pathOf` maps an editor model URI to its app-relative
 * path (null for models that are no app file); `open` shows a file at a 1-based line and column (used
 * when go to definition leads to another file). Call `dispose()` when the code area goes away.
 */
export function registerStudioIntelligence(
  monaco: MonacoApi,
  getModel: () => AppModel | null,
  pathOf: (uri: Monaco.Uri) => string | null,
  open: (path: string, line: number, column: number) => void,
  /** The URI of an editor model holding `path`, made by the caller when missing (Monaco resolves a definition in another file through its model). */
  modelUri?: (path: string) => Monaco.Uri | null,
): { dispose(): void } {
  monaco.json.jsonDefaults.setDiagnosticsOptions(studioJsonOptions());
  // URIs made for files that have no editor model yet, so the opener can find their paths again.
  const madeUris = new Map<string, string>();

  const context = (model: TextModel, position: Monaco.Position) => {
    const app = getModel();
    const path = pathOf(model.uri);
    return app && path !== null ? { app, path, text: model.getValue(), offset: model.getOffsetAt(position) } : null;
  };

  /** The URI of an app file: beside the current model's (same scheme and root) when its path ends the URI. */
  const uriOf = (from: TextModel, path: string): Monaco.Uri => {
    const owned = modelUri?.(path);
    if (owned) return owned;
    const fromPath = pathOf(from.uri);
    if (fromPath !== null && from.uri.path.endsWith(fromPath)) return from.uri.with({ path: from.uri.path.slice(0, from.uri.path.length - fromPath.length) + path });
    const uri = monaco.Uri.from({ scheme: 'studio-app', path: `/${path}` });
    madeUris.set(uri.toString(), path);
    return uri;
  };

  const toLocation = (from: TextModel, l: FileLocation): Monaco.languages.Location => ({
    uri: uriOf(from, l.path),
    range: new monaco.Range(l.line, l.column, l.line, l.column + l.length),
  });

  const subscriptions: Monaco.IDisposable[] = [
    monaco.languages.registerCompletionItemProvider('json', {
      triggerCharacters: ['"', '.'],
      provideCompletionItems(model, position) {
        const at = context(model, position);
        const result = at && completionsAt(at.app, at.path, at.offset, at.text);
        if (!result) return { suggestions: [] };
        const start = model.getPositionAt(result.replace.offset);
        const end = model.getPositionAt(result.replace.offset + result.replace.length);
        const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
        const quoted = result.replace.length > 0;
        return {
          suggestions: result.items.map((item) => ({
            label: { label: item.label, description: item.detail },
            kind: kindOfSymbol(monaco, result.kind),
            detail: item.detail,
            ...(item.documentation ? { documentation: { value: item.documentation } } : {}),
            insertText: JSON.stringify(item.label),
            // The range starts at the opening quote, so the filter text must too.
            filterText: quoted ? JSON.stringify(item.label) : item.label,
            range,
          })),
        };
      },
    }),
    monaco.languages.registerHoverProvider('json', {
      provideHover(model, position) {
        const at = context(model, position);
        const symbol = at && symbolAt(at.app, at.path, at.offset, at.text);
        if (!at || !symbol) return null;
        const paragraphs = hoverOf(at.app, symbol);
        if (paragraphs.length === 0) return null;
        const start = model.getPositionAt(symbol.offset);
        const end = model.getPositionAt(symbol.offset + symbol.length);
        return { range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), contents: paragraphs.map((value) => ({ value })) };
      },
    }),
    monaco.languages.registerDefinitionProvider('json', {
      provideDefinition(model, position) {
        const at = context(model, position);
        const symbol = at && symbolAt(at.app, at.path, at.offset, at.text);
        return at && symbol ? definitionsOf(at.app, symbol).map((l) => toLocation(model, l)) : null;
      },
    }),
    monaco.languages.registerReferenceProvider('json', {
      provideReferences(model, position) {
        const at = context(model, position);
        const symbol = at && symbolAt(at.app, at.path, at.offset, at.text);
        return at && symbol ? referencesOf(at.app, symbol).map((l) => toLocation(model, l)) : null;
      },
    }),
    // Go to definition in another file: the code area decides how to show it.
    monaco.editor.registerEditorOpener({
      openCodeEditor(_source, resource, selectionOrPosition) {
        const path = madeUris.get(resource.toString()) ?? pathOf(resource);
        if (path === null) return false;
        const where = selectionOrPosition && 'startLineNumber' in selectionOrPosition ? { line: selectionOrPosition.startLineNumber, column: selectionOrPosition.startColumn } : selectionOrPosition ? { line: selectionOrPosition.lineNumber, column: selectionOrPosition.column } : { line: 1, column: 1 };
        open(path, where.line, where.column);
        return true;
      },
    }),
  ];

  return {
    dispose() {
      for (const s of subscriptions) s.dispose();
      madeUris.clear();
    },
  };
}

const severityOf = (monaco: MonacoApi, severity: Severity): Monaco.MarkerSeverity =>
  severity === 'error' ? monaco.MarkerSeverity.Error : severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;

const sameText = (a: string, b: string) => a.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') === b.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/**
 * Sets the app check's diagnostics of file `path` as markers of `editorModel` (owner 'studio'),
 * replacing the previous ones; with no check, clears them. While the editor's text is not the
 * checked model's (an edit that does not parse yet), the markers are left as they are: Monaco moves them
 * with the edits, and the model's positions would not fit the text.
 */
export function studioMarkers(monaco: MonacoApi, editorModel: TextModel, check: AppCheckResult | null, path: string): void {
  const modelText = check?.model.texts.get(path);
  if (modelText !== undefined) {
    const value = editorModel.getValue();
    if (value !== modelText && !sameText(value, modelText)) return;
  }
  const markers = check ? markersFor(check.model, path, check.diagnostics) : [];
  monaco.editor.setModelMarkers(
    editorModel,
    studioMarkerOwner,
    markers.map((m) => ({ ...m, severity: severityOf(monaco, m.severity), source: 'studio' })),
  );
}
