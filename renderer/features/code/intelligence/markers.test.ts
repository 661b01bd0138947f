// The app check's diagnostics of one file as markers that cover the token they point at.
import { describe, expect, it } from 'vitest';
import type { AppModel } from '../../../../core/app/model/types';
import { checkApp } from '../../../../core/refs/checkApp';
import { markersFor as markersWith, tokenEnd } from './markers';
import { files, loadTestApp, page, pagePath } from './testApp';

const markersFor = (model: AppModel, path: string) => markersWith(model, path, checkApp(model).diagnostics);

describe('markersFor', () => {
  it('marks a broken text key across its whole string', async () => {
    const model = await loadTestApp();
    const markers = markersFor(model, pagePath);
    const broken = markers.find((m) => m.message.includes('missing.key'))!;
    expect(broken).toMatchObject({ severity: expect.any(String), code: 'text-not-found', startLineNumber: 10, endLineNumber: 10 });
    const line = page.split('\n')[9]!;
    expect(line.slice(broken.startColumn - 1, broken.endColumn - 1)).toBe('"title": "missing.key"');
  });

  it('gives each file only its own markers, and none for a clean or unknown file', async () => {
    const model = await loadTestApp();
    expect(markersFor(model, 'App/config/texts/resource.en.json')).toEqual([]);
    expect(markersFor(model, 'App/options/colours.json').map((m) => m.code)).toEqual(['text-not-found', 'text-not-found']);
    expect(markersFor(model, 'App/nope.json')).toEqual([]);
  });

  it('leaves JSON syntax errors to the editor’s JSON worker', async () => {
    const model = await loadTestApp({ 'App/options/colours.json': '[{"value": "red",' });
    expect(markersFor(model, 'App/options/colours.json').some((m) => m.code === 'json-syntax')).toBe(false);
  });

  it('counts columns as the editor does in a file with a BOM', async () => {
    const text = `\uFEFF${files['App/options/colours.json']!}`;
    const model = await loadTestApp({ 'App/options/colours.json': text });
    const first = markersFor(model, 'App/options/colours.json')[0]!;
    expect(text.slice(1).slice(first.startColumn - 1, first.endColumn - 1)).toBe('"label": "colour.red"');
  });
});

describe('tokenEnd', () => {
  it('covers a string (escapes included), a word, or one character', () => {
    expect(tokenEnd('x "a\\"b" y', 2)).toBe(8);
    expect(tokenEnd('  true,', 2)).toBe(6);
    expect(tokenEnd('{ }', 0)).toBe(1);
    expect(tokenEnd('"open\nnext', 0)).toBe(5);
    expect(tokenEnd('a\n', 1)).toBe(1);
  });
});
