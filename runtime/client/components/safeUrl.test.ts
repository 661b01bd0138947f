import { describe, expect, it } from 'vitest';
import { safeLinkUrl, safeMediaUrl } from './safeUrl';

describe('safe URLs', () => {
  it('lets http(s) and mailto through', () => {
    expect(safeLinkUrl('https://altinn.no/hjelp')).toBe('https://altinn.no/hjelp');
    expect(safeLinkUrl(' http://example.org ')).toBe('http://example.org');
    expect(safeLinkUrl('mailto:post@example.org')).toBe('mailto:post@example.org');
  });

  it('blocks script, data, relative and odd schemes', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd', '/relative', 'www.example.org', '', 42, undefined]) {
      expect(safeLinkUrl(bad), String(bad)).toBeUndefined();
    }
  });

  it('resolves media inside the app and refuses escapes and scripts', () => {
    expect(safeMediaUrl('wwwroot/logo.png', '/acme/app/')).toBe('/acme/app/logo.png');
    expect(safeMediaUrl('https://cdn.example.org/a.png', '/acme/app/')).toBe('https://cdn.example.org/a.png');
    expect(safeMediaUrl('javascript:alert(1)', '/acme/app/')).toBeUndefined();
    expect(safeMediaUrl('mailto:x@y.no', '/acme/app/')).toBeUndefined();
    expect(safeMediaUrl('wwwroot/../../secret', '/acme/app/')).toBeUndefined();
    expect(safeMediaUrl('', '/acme/app/')).toBeUndefined();
    expect(safeMediaUrl('data:image/png;base64,iVBORw0KGgo=', '/acme/app/')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(safeMediaUrl('data:image/svg+xml,<svg onload=alert(1)>', '/acme/app/')).toBeUndefined();
    expect(safeMediaUrl('data:text/html;base64,PGI+', '/acme/app/')).toBeUndefined();
  });
});
