import { describe, expect, it } from 'vitest';
import { escapeHtml, looksLikeMarkup, renderMarkdown } from './markdown';

describe('markdown texts', () => {
  it('escapes instead of trusting HTML when there is no DOM to sanitise with (node)', () => {
    const out = renderMarkdown('<img src=x onerror=alert(1)> **bold**');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img');
  });

  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('renders plain strings as plain text and recognises markup', () => {
    expect(looksLikeMarkup('Navn')).toBe(false);
    expect(looksLikeMarkup('**Merk:** se [veiledning](https://example.org)')).toBe(true);
    expect(looksLikeMarkup('linje 1\nlinje 2')).toBe(true);
  });
});
