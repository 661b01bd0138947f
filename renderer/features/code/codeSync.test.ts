import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, decideEdit, decideModelChange, languageFor, minimalPatch, problemOf } from './codeSync';

describe('languageFor', () => {
  it('picks the Monaco language by extension', () => {
    expect(languageFor('App/ui/form/layouts/Side1.json')).toBe('json');
    expect(languageFor('App/config/process/process.bpmn')).toBe('xml');
    expect(languageFor('App/models/model.xsd')).toBe('xml');
    expect(languageFor('App/config/authorization/policy.xml')).toBe('xml');
    expect(languageFor('App/logic/Calc.cs')).toBe('csharp');
    expect(languageFor('App/ui/custom.js')).toBe('javascript');
    expect(languageFor('src/x.ts')).toBe('typescript');
    expect(languageFor('README.md')).toBe('markdown');
    expect(languageFor('App/wwwroot/custom.css')).toBe('css');
    expect(languageFor('Dockerfile')).toBe('plaintext');
  });
});

describe('decideEdit', () => {
  it('applies valid JSON that differs from the model', () => {
    expect(decideEdit('a.json', '{"a": 2}', '{"a": 1}')).toEqual({ kind: 'apply' });
  });
  it('does nothing when the text is the model text', () => {
    expect(decideEdit('a.json', '{"a": 1}', '{"a": 1}')).toEqual({ kind: 'none' });
  });
  it('shows a banner with line and column for invalid JSON', () => {
    const action = decideEdit('a.json', '{\n  "a": 1 x\n}', '{"a": 1}');
    expect(action.kind).toBe('banner');
    if (action.kind === 'banner') expect(action.problem.line).toBe(2);
  });
  it('accepts comments and trailing commas, as the model reads them', () => {
    expect(problemOf('a.json', '{ // note\n "a": [1,],\n}')).toBeNull();
  });
  it('always applies non-JSON files', () => {
    expect(decideEdit('process.bpmn', '<not closed', '<a/>')).toEqual({ kind: 'apply' });
    expect(decideEdit('Calc.cs', 'class {', null)).toEqual({ kind: 'apply' });
  });
});

describe('decideModelChange', () => {
  it('agrees when the editor already shows the new text (our own edit back)', () => {
    expect(decideModelChange({ editorText: 'b', lastModelText: 'a', newModelText: 'b' })).toEqual({ kind: 'agree' });
  });
  it('agrees when our earlier text comes back while typing went on', () => {
    expect(decideModelChange({ editorText: 'abc', lastModelText: 'a', newModelText: 'ab', sentText: 'ab' })).toEqual({ kind: 'agree' });
  });
  it('patches the editor with the changed range when it had nothing unsaved', () => {
    expect(decideModelChange({ editorText: '{"a": 1, "b": 2}', lastModelText: '{"a": 1, "b": 2}', newModelText: '{"a": 1, "b": 3}' })).toEqual({
      kind: 'patch',
      patch: { start: 14, end: 15, text: '3' },
    });
  });
  it('asks when the editor holds unsaved text and the model changes underneath', () => {
    expect(decideModelChange({ editorText: '{"a": ', lastModelText: '{"a": 1}', newModelText: '{"a": 2}' })).toEqual({ kind: 'ask' });
  });
  it('asks when the file is deleted under an open editor', () => {
    expect(decideModelChange({ editorText: 'x', lastModelText: 'x', newModelText: null })).toEqual({ kind: 'ask' });
  });
});

describe('minimalPatch', () => {
  it('keeps the common prefix and suffix', () => {
    expect(minimalPatch('hello world', 'hello brave world')).toEqual({ start: 6, end: 6, text: 'brave ' });
    expect(minimalPatch('abc', 'abc')).toEqual({ start: 3, end: 3, text: '' });
    expect(minimalPatch('', 'x')).toEqual({ start: 0, end: 0, text: 'x' });
  });
  it('never splits a \\r\\n or a surrogate pair', () => {
    const crlf = minimalPatch('a\r\nb', 'a\nb');
    expect(crlf.start).toBeLessThanOrEqual(1);
    const emoji = minimalPatch('x\u{1F600}', 'x\u{1F601}');
    expect(emoji.start).toBe(1);
  });
  it('the patch applied to the old text gives the new text (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\r', '\n', '{', '"', '\u{1F600}', 'é') });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const patch = minimalPatch(before, after);
        expect(applyPatch(before, patch)).toBe(after);
        expect(patch.start).toBeLessThanOrEqual(patch.end);
        expect(patch.end - patch.start).toBeLessThanOrEqual(before.length);
      }),
      { numRuns: 2000 },
    );
  });
});
