import { describe, expect, it } from 'vitest';
import { relativeTime, translate } from './i18n';

describe('translate', () => {
  it('fills placeholders in either language', () => {
    expect(translate('ko', 'post.likes', { count: 3 })).toBe('좋아요 3개');
    expect(translate('en', 'post.likes', { count: 3 })).toBe('3 likes');
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-01-10T12:00:00Z');
  it('says now, minutes, hours and days', () => {
    expect(relativeTime('ko', '2026-01-10T11:59:30Z', now)).toBe('지금');
    expect(relativeTime('ko', '2026-01-10T11:55:00Z', now)).toBe('5분 전');
    expect(relativeTime('en', '2026-01-10T09:00:00Z', now)).toBe('3h ago');
    expect(relativeTime('ko', '2026-01-08T12:00:00Z', now)).toBe('2일 전');
  });
});
