import { describe, expect, it } from 'vitest';
import { takePreviewToken } from './previewToken';

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
});
