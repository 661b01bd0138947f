import { describe, expect, it } from 'vitest';
import { fullTime, relativeTime } from './relativeTime';

describe('relativeTime', () => {
  const now = new Date('2026-11-26T12:00:00Z');

  it('says how long ago in the UI language', () => {
    expect(relativeTime('2026-11-26T11:55:00Z', 'en', now)).toBe('5 minutes ago');
    expect(relativeTime('2026-11-25T12:00:00Z', 'en', now)).toBe('yesterday');
    expect(relativeTime('2026-11-25T12:00:00Z', 'nb', now)).toBe('i går');
    expect(relativeTime('2026-11-26T11:59:50Z', 'en', now)).toBe('this minute');
  });

  it('shows a broken timestamp as it is', () => {
    expect(relativeTime('not a date', 'en', now)).toBe('not a date');
    expect(fullTime('not a date', 'nb')).toBe('not a date');
  });
});
