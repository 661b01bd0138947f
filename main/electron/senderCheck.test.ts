import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderFacts } from './senderCheck';

const trusted: SenderFacts = { frameExists: true, isMainFrame: true, isStudioWindow: true, frameUrl: 'app://studio/index.html' };

describe('isTrustedSender', () => {
  it('trusts the main frame of a studio window on app://studio', () => {
    expect(isTrustedSender(trusted)).toBe(true);
  });

  it('refuses when any one fact fails', () => {
    expect(isTrustedSender({ ...trusted, frameExists: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, isStudioWindow: false })).toBe(false);
    for (const frameUrl of ['https://evil.example/', 'app://studio.evil/', 'file:///index.html', 'about:blank', '']) {
      expect(isTrustedSender({ ...trusted, frameUrl }), frameUrl).toBe(false);
    }
  });
});
