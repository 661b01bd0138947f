// The Monaco glue against a stand-in Monaco: providers registered for 'json' and disposed, schemas
// given to the JSON worker, completions/hover/definitions/references in Monaco's shapes, the opener
// handing other files to the code area, and the studio's markers under their own owner.
import type * as Monaco from 'monaco-editor';
import { describe, expect, it, vi } from 'vitest';
import { placedCheck } from '../../../../core/refs/placedCheck';
import { lineColumnAt, offsetAt } from '../../../../core/text/textPosition';
import { registerStudioIntelligence, studioMarkers } from './registerIntelligence';
import { loadTestApp, offsetOf, page, pagePath } from './testApp';

class Range {
  constructor(
    readonly startLineNumber: number,
    readonly startColumn: number,
    readonly endLineNumber: number,
    readonly endColumn: number,
  ) {}
}

interface FakeUri {
  scheme: string;
  path: string;
  toString(): string;
  with(change: { path: string }): FakeUri;
}

const uri = (scheme: string, p: string): FakeUri => ({ scheme, path: p, toString: () => `${scheme}://${p}`, with: (change) => uri(scheme, change.path) });

function fakeMonaco() {
  const providers: Record<string, { language: string; provider: Record<string, (...args: unknown[]) => unknown>; disposed: boolean }> = {};
  const register = (name: string) => (language: string, provider: Record<string, (...args: unknown[]) => unknown>) => {
    const entry = { language, provider, disposed: false };
    providers[name] = entry;
    return { dispose: () => (entry.disposed = true) };
  };
  const opener: { current?: { openCodeEditor: (...args: unknown[]) => boolean } } = {};
  const monaco = {
    json: { jsonDefaults: { setDiagnosticsOptions: vi.fn() } },
    languages: {
      CompletionItemKind: { Text: 18, Reference: 17, Field: 3, Enum: 15, File: 16, Value: 13 },
      registerCompletionItemProvider: register('completion'),
      registerHoverProvider: register('hover'),
      registerDefinitionProvider: register('definition'),
      registerReferenceProvider: register('references'),
    },
    editor: {
      registerEditorOpener: (o: { openCodeEditor: (...args: unknown[]) => boolean }) => {
        opener.current = o;
        return { dispose: () => (opener.current = undefined) };
      },
      setModelMarkers: vi.fn(),
    },
    MarkerSeverity: { Hint: 1, Info: 2, Warning: 4, Error: 8 },
    Range,
    Uri: { from: (parts: { scheme: string; path: string }) => uri(parts.scheme, parts.path) },
  };
  return { monaco: monaco as unknown as typeof Monaco, raw: monaco, providers, opener };
}

function textModel(text: string, path: string) {
  return {
    uri: uri('file', `/home/me/app/${path}`),
    getValue: () => text,
    getOffsetAt: (p: { lineNumber: number; column: number }) => offsetAt(text, p.lineNumber, p.column),
    getPositionAt: (offset: number) => {
      const at = lineColumnAt(text, offset);
      return { lineNumber: at.line, column: at.column };
    },
  } as unknown as Monaco.editor.ITextModel;
}

const positionOf = (text: string, offset: number) => {
  const at = lineColumnAt(text, offset);
  return { lineNumber: at.line, column: at.column } as Monaco.Position;
};

const pathOf = (u: Monaco.Uri) => (u.path.startsWith('/home/me/app/') ? u.path.slice('/home/me/app/'.length) : null);

describe('registerStudioIntelligence', () => {
  it('configures the JSON worker and registers json providers until disposed', async () => {
    const model = await loadTestApp();
    const fake = fakeMonaco();
    const registration = registerStudioIntelligence(fake.monaco, () => model, pathOf, vi.fn());
    const options = fake.raw.json.jsonDefaults.setDiagnosticsOptions.mock.calls[0]![0];
    expect(options).toMatchObject({ validate: true, enableSchemaRequest: false });
    expect(Object.values(fake.providers).map((p) => p.language)).toEqual(['json', 'json', 'json', 'json']);
    registration.dispose();
    expect(Object.values(fake.providers).every((p) => p.disposed)).toBe(true);
    expect(fake.opener.current).toBeUndefined();
  });

  it('answers completion, hover, definition and references in Monaco’s shapes', async () => {
    const model = await loadTestApp();
    const fake = fakeMonaco();
    const open = vi.fn();
    registerStudioIntelligence(fake.monaco, () => model, pathOf, open);
    const editorModel = textModel(page, pagePath);
    const at = positionOf(page, offsetOf(page, '"name.title"', 3));

    const completion = fake.providers.completion!.provider.provideCompletionItems!(editorModel, at) as { suggestions: Monaco.languages.CompletionItem[] };
    const item = completion.suggestions.find((s) => s.insertText === '"name.title"')!;
    expect(item).toMatchObject({ filterText: '"name.title"', detail: 'Navn', kind: 18 });
    expect(item.range).toEqual(new Range(7, 44, 7, 56));

    const hover = fake.providers.hover!.provider.provideHover!(editorModel, at) as Monaco.languages.Hover;
    expect(hover.contents.map((c) => c.value).join('\n')).toContain('**en**: Name');

    const definitions = fake.providers.definition!.provider.provideDefinition!(editorModel, at) as Monaco.languages.Location[];
    expect(definitions.map((d) => d.uri.path).sort()).toEqual(['/home/me/app/App/config/texts/resource.en.json', '/home/me/app/App/config/texts/resource.nb.json']);

    const references = fake.providers.references!.provider.provideReferences!(editorModel, at) as Monaco.languages.Location[];
    expect(references).toHaveLength(3);

    // Following a definition into another file goes through the code area's `open`.
    const target = definitions[0]!;
    expect(fake.opener.current!.openCodeEditor({}, target.uri, target.range)).toBe(true);
    expect(open).toHaveBeenCalledWith(pathOf(target.uri), target.range.startLineNumber, target.range.startColumn);
    expect(fake.opener.current!.openCodeEditor({}, uri('inmemory', '/x'), undefined)).toBe(false);
  });

  it('answers nothing without an app model or for a model that is no app file', async () => {
    const fake = fakeMonaco();
    registerStudioIntelligence(fake.monaco, () => null, pathOf, vi.fn());
    const editorModel = textModel(page, pagePath);
    const at = positionOf(page, offsetOf(page, '"name.title"', 3));
    expect(fake.providers.completion!.provider.provideCompletionItems!(editorModel, at)).toEqual({ suggestions: [] });
    expect(fake.providers.hover!.provider.provideHover!(editorModel, at)).toBeNull();
  });
});

describe('studioMarkers', () => {
  it('sets the file’s diagnostics under the studio owner, with Monaco severities', async () => {
    const model = await loadTestApp();
    const fake = fakeMonaco();
    const editorModel = textModel(page, pagePath);
    studioMarkers(fake.monaco, editorModel, { model, diagnostics: placedCheck(model) }, pagePath);
    const [target, owner, markers] = fake.raw.editor.setModelMarkers.mock.calls[0]!;
    expect(target).toBe(editorModel);
    expect(owner).toBe('studio');
    expect(markers).toEqual([expect.objectContaining({ code: 'text-not-found', startLineNumber: 10, severity: expect.any(Number), source: 'studio' })]);
  });

  it('leaves markers alone while the editor text is not the model’s, and clears them without a check', async () => {
    const model = await loadTestApp();
    const fake = fakeMonaco();
    studioMarkers(fake.monaco, textModel(`${page} `, pagePath), { model, diagnostics: placedCheck(model) }, pagePath);
    expect(fake.raw.editor.setModelMarkers).not.toHaveBeenCalled();
    studioMarkers(fake.monaco, textModel(page, pagePath), null, pagePath);
    expect(fake.raw.editor.setModelMarkers.mock.calls[0]![2]).toEqual([]);
  });
});
