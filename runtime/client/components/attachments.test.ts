import { describe, expect, it } from 'vitest';
import type { DataElementInfo } from '../api/dataApi';
import { attachmentActions, attachmentStore } from './attachments';

const element = (id: string, extra: Partial<DataElementInfo> = {}): DataElementInfo => ({ id, dataType: 'docs', filename: `${id}.pdf`, contentType: 'application/pdf', size: 3, tags: [], ...extra });

describe('attachment store', () => {
  it('follows an upload to its stored element, then the server: scan results, new files, deleted files', () => {
    const local = attachmentActions.add('docs', 'docs-0', { name: 'mine.pdf', size: 3, type: 'application/pdf' });
    attachmentActions.progress(local, 0.5);
    expect(attachmentStore.getState().files).toMatchObject([{ id: local, owner: 'docs-0', progress: 0.5 }]);
    attachmentActions.stored(local, element('e1', { fileScanResult: 'Pending', tags: ['kart'] }));
    expect(attachmentStore.getState().files).toEqual([expect.objectContaining({ id: 'e1', elementId: 'e1', name: 'mine.pdf', owner: 'docs-0', tag: 'kart', fileScanResult: 'Pending' })]);
    const other = attachmentActions.add('other', 'other', { name: 'o.pdf', size: 1, type: '' });
    attachmentActions.sync('1/g', [element('e1', { fileScanResult: 'Infected' }), element('e2', { locked: true })], ['docs']);
    expect(attachmentStore.getState().files.map((f) => [f.id, f.owner, f.fileScanResult, f.locked ?? false])).toEqual([
      ['e1', 'docs-0', 'Infected', false],
      [other, 'other', undefined, false],
      ['e2', 'docs', undefined, true],
    ]);
    attachmentActions.sync('1/g', [element('e2')], ['docs']);
    expect(attachmentStore.getState().files.map((f) => f.id)).toEqual([other, 'e2']);
    attachmentActions.tag('e2', 'plan');
    attachmentActions.tag('e2', undefined);
    expect(attachmentStore.getState().files.find((f) => f.id === 'e2')).not.toHaveProperty('tag');
  });
});
