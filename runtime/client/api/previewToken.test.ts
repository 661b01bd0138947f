import { describe, expect, it } from 'vitest';
import { previewHeaders, previewPersona, queryParamsPrefill, takePreviewToken } from './previewToken';

function page(href: string) {
  const stored = new Map<string, string>();
  const urls: string[] = [];
  return {
    href,
    sessionStorage: { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) },
    replaceUrl: (url: string) => void urls.push(url),
    urls,
  };
}

describe('takePreviewToken', () => {
  it('takes the token from the address, removes it there and keeps it for the session', () => {
    const first = page('http://127.0.0.1:4000/ttd/app/?token=abc&lang=nn#/Side2');
    expect(takePreviewToken(first)).toBe('abc');
    expect(first.urls).toEqual(['/ttd/app/?lang=nn#/Side2']);
    expect(takePreviewToken({ ...first, href: 'http://127.0.0.1:4000/ttd/app/#/Side3' })).toBe('abc');
  });

  it('has no token outside the preview', () => {
    expect(takePreviewToken(page('http://127.0.0.1:4000/ttd/app/'))).toBeNull();
  });

  it('takes the persona from the address like the token, keeps it for the session and sends both as headers', () => {
    const first = page('http://127.0.0.1:4000/ttd/app/?token=abc&persona=1003&lang=nn');
    expect(takePreviewToken(first)).toBe('abc');
    expect(first.urls).toEqual(['/ttd/app/?lang=nn']);
    expect(previewPersona()).toBe('1003');
    expect(previewHeaders('abc')).toEqual({ 'X-Preview-Token': 'abc', 'X-Studio-Persona': '1003' });
    // A reload of the same session (the address no longer has either).
    expect(takePreviewToken({ ...first, href: 'http://127.0.0.1:4000/ttd/app/' })).toBe('abc');
    expect(previewHeaders('abc')).toEqual({ 'X-Preview-Token': 'abc', 'X-Studio-Persona': '1003' });
    // Another persona replaces it; an empty one goes back to the host's default.
    takePreviewToken({ ...first, href: 'http://127.0.0.1:4000/ttd/app/?persona=org:310000099' });
    expect(previewPersona()).toBe('org:310000099');
    takePreviewToken({ ...first, href: 'http://127.0.0.1:4000/ttd/app/?persona=' });
    expect(previewPersona()).toBeNull();
    expect(previewHeaders('abc')).toEqual({ 'X-Preview-Token': 'abc' });
  });

  it('ignores a persona that is no user id or org:<orgNumber>, so it never becomes a header', () => {
    const p = page('http://127.0.0.1:4000/ttd/app/?persona=1002%0d%0aX-Evil:%201');
    expect(takePreviewToken(p)).toBeNull();
    expect(previewPersona()).toBeNull();
    expect(p.urls).toEqual(['/ttd/app/']);
    expect(previewHeaders(null)).toEqual({});
  });

  it('keeps the persona for this page load when session storage is refused', () => {
    const refusing = {
      href: 'http://127.0.0.1:4000/ttd/app/?persona=1001',
      sessionStorage: { getItem: (): string | null => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } },
      replaceUrl: () => undefined,
    };
    takePreviewToken(refusing);
    expect(previewPersona()).toBe('1001');
  });

  it('gives a later call of the same page load the token and persona when session storage is refused', () => {
    const refused = { getItem: (): string | null => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(takePreviewToken({ href: 'http://localhost:4000/ttd/app/?token=t1&persona=1002', sessionStorage: refused, replaceUrl: () => undefined })).toBe('t1');
    // The process screens build their clients later, from the address without either.
    expect(takePreviewToken({ href: 'http://localhost:4000/ttd/app/', sessionStorage: refused, replaceUrl: () => undefined })).toBe('t1');
    expect(previewHeaders('t1')).toEqual({ 'X-Preview-Token': 't1', 'X-Studio-Persona': '1002' });
  });

  it('keeps the query parameters set-query-params redirected with for the session, and ignores ones that are not an object of strings', () => {
    const first = page(`http://127.0.0.1:4000/ttd/app/?queryParams=${encodeURIComponent('{"jobTitle":"Utvikler"}')}`);
    takePreviewToken(first);
    expect(first.urls).toEqual(['/ttd/app/']);
    expect(queryParamsPrefill()).toEqual({ jobTitle: 'Utvikler' });
    takePreviewToken({ ...first, href: 'http://127.0.0.1:4000/ttd/app/#/instance/1/2' });
    expect(queryParamsPrefill()).toEqual({ jobTitle: 'Utvikler' });
    const odd = page(`http://127.0.0.1:4000/ttd/app/?queryParams=${encodeURIComponent('{"n":1}')}`);
    takePreviewToken(odd);
    expect(queryParamsPrefill()).toBeNull();
  });
});
