import { describe, expect, it } from 'vitest';
import { isEnvironmentAppUrl, isSafeExternalUrl } from './externalUrl';

describe('isSafeExternalUrl', () => {
  it('accepts https links to real host names and plain mailto addresses', () => {
    for (const url of ['https://docs.altinn.studio/', 'https://github.com/Altinn/altinn-studio/issues?q=a#b', 'https://sub.example.no:8443/x', 'mailto:support@example.no', 'mailto:a.b@example.no?subject=Hello']) {
      expect(isSafeExternalUrl(url), url).toBe(true);
    }
  });

  it('refuses everything else', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'file:///etc/passwd',
      'http://example.com/',
      'https://user:pw@example.com/',
      'https://user@example.com/',
      'data:text/html,<script>alert(1)</script>',
      'app://studio/index.html',
      'ms-msdt:/id PCWDiagnostic',
      'smb://server/share',
      'https://localhost/',
      'https://app.localhost/',
      'https://127.0.0.1/',
      'https://[::1]/',
      'https://intranet/',
      'mailto:',
      'mailto:not-an-address',
      'mailto:a@example.no%0D%0ABcc:x@example.no',
      `https://example.com/${'a'.repeat(3000)}`,
      'not a url',
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
    expect(isSafeExternalUrl(undefined)).toBe(false);
    expect(isSafeExternalUrl({ toString: () => 'https://example.com/' })).toBe(false);
  });
});

describe('isEnvironmentAppUrl', () => {
  const environments = ['http://127.0.0.1:8080', 'https://apps.intranet.example:8443/'];

  it('allows an app on a configured environment, over http for a local host too', () => {
    expect(isEnvironmentAppUrl('http://127.0.0.1:8080/ttd/app/', environments)).toBe(true);
    expect(isEnvironmentAppUrl('https://apps.intranet.example:8443/ttd/app/#/instance/1/x', environments)).toBe(true);
  });

  it('refuses other ports, schemes, hosts, credentials and non-strings', () => {
    for (const url of ['http://127.0.0.1:8081/ttd/app/', 'https://127.0.0.1:8080/', 'http://apps.intranet.example:8443/', 'http://u:p@127.0.0.1:8080/', 'file:///etc/passwd', 'javascript:alert(1)', 42]) {
      expect(isEnvironmentAppUrl(url, environments), String(url)).toBe(false);
    }
    expect(isEnvironmentAppUrl('http://127.0.0.1:8080/', [])).toBe(false);
    expect(isEnvironmentAppUrl('http://127.0.0.1:8080/', ['not a url'])).toBe(false);
  });
});
