import { describe, expect, it } from 'vitest';
import { setJsonValue } from '../../text/jsonDocument';
import { ChangeSet } from './changeSet';
import { loadTestApp, testAppFiles } from './testApp';

const settings = 'App/ui/form/Settings.json';

describe('ChangeSet', () => {
  it('reports only net changes: an edit undone, or a missing file deleted, is no change', async () => {
    const model = await loadTestApp();
    const set = new ChangeSet(model);
    set.edit(settings, (doc) => setJsonValue(doc, ['pages', 'order', 0], 'Z'));
    expect(set.text(settings)).toContain('"Z"');
    set.edit(settings, (doc) => setJsonValue(doc, ['pages', 'order', 0], 'A'));
    set.delete('App/ui/form/layouts/None.json');
    expect(set.changes().size).toBe(0);
    set.delete(settings);
    set.write('App/new.json', '{}');
    expect([...set.changes()]).toEqual([[settings, null], ['App/new.json', '{}']]);
    expect(set.text(settings)).toBeUndefined();
    expect(() => set.doc(settings)).toThrow(`${settings} does not exist in this app`);
  });

  it('reuses the model document of an unedited file, and refuses one with syntax errors', async () => {
    const model = await loadTestApp({ [settings]: '{"pages": ' });
    const set = new ChangeSet(model);
    expect(() => set.doc(settings)).toThrow(`${settings} has syntax errors; fix them in the code view, then edit it again`);
    const page = 'App/ui/form/layouts/A.json';
    expect(set.doc(page)).toBe(model.jsonFiles.get(page)!.doc);
    expect(set.text(page)).toBe(testAppFiles[page]);
  });
});
