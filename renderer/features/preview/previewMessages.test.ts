import { describe, expect, it } from 'vitest';
import { formDataText, isFromPreview, navigateMessage, previewStateOf } from './previewMessages';

describe('preview bridge messages, studio side', () => {
  const good = { source: 'studio-preview', type: 'state', page: 'One', pages: ['One', 'Two'], setId: 'form', data: { model: { name: 'Ada' } } };

  it('reads the form state from a well-shaped state message', () => {
    expect(previewStateOf(good)).toEqual({ page: 'One', pages: ['One', 'Two'], setId: 'form', data: { model: { name: 'Ada' } } });
    expect(previewStateOf({ ...good, page: null, setId: null })).toMatchObject({ page: null, setId: null });
  });

  it('refuses anything else', () => {
    expect(previewStateOf(null)).toBeNull();
    expect(previewStateOf('state')).toBeNull();
    expect(previewStateOf([good])).toBeNull();
    expect(previewStateOf({ ...good, source: 'studio' })).toBeNull();
    expect(previewStateOf({ ...good, type: 'navigate' })).toBeNull();
    expect(previewStateOf({ ...good, page: 3 })).toBeNull();
    expect(previewStateOf({ ...good, pages: 'One' })).toBeNull();
    expect(previewStateOf({ ...good, pages: ['One', 2] })).toBeNull();
    expect(previewStateOf({ ...good, setId: {} })).toBeNull();
    const { data: _data, ...noData } = good;
    expect(previewStateOf(noData)).toBeNull();
    expect(previewStateOf(Object.assign(new (class Fake {})(), good))).toBeNull();
  });

  it('believes only the frame window from the preview origin', () => {
    const frame = {} as Window;
    const url = 'http://127.0.0.1:5000/ttd/a/?token=t';
    expect(isFromPreview({ source: frame, origin: 'http://127.0.0.1:5000' }, frame, url)).toBe(true);
    expect(isFromPreview({ source: frame, origin: 'http://127.0.0.1:5001' }, frame, url)).toBe(false);
    expect(isFromPreview({ source: {} as Window, origin: 'http://127.0.0.1:5000' }, frame, url)).toBe(false);
    expect(isFromPreview({ source: null, origin: 'http://127.0.0.1:5000' }, null, url)).toBe(false);
    expect(isFromPreview({ source: frame, origin: 'http://127.0.0.1:5000' }, frame, null)).toBe(false);
  });

  it('shapes the navigate request and the data text', () => {
    expect(navigateMessage('Two')).toEqual({ source: 'studio', type: 'navigate', page: 'Two' });
    expect(formDataText({ model: { name: 'Ada' } })).toBe('{\n  "model": {\n    "name": "Ada"\n  }\n}');
    expect(formDataText(undefined)).toBe('{}');
  });
});
