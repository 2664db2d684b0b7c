import { describe, expect, it } from 'vitest';
import { allowedActions, nextStatuses, reportQueuePath, reviewBody, utcDayRange } from './moderation';

describe('nextStatuses', () => {
  it('follows pending → in_review → resolved | rejected, and ends there', () => {
    expect(nextStatuses('pending')).toEqual(['in_review']);
    expect(nextStatuses('in_review')).toEqual(['resolved', 'rejected']);
    expect(nextStatuses('resolved')).toEqual([]);
    expect(nextStatuses('rejected')).toEqual([]);
  });
});

describe('allowedActions', () => {
  it('never hides a user and suspends only a known owner', () => {
    expect(allowedActions('user', true)).toEqual(['none', 'suspend_user']);
    expect(allowedActions('post', true)).toEqual(['none', 'hide_content', 'suspend_user']);
    expect(allowedActions('chat_message', false)).toEqual(['none', 'hide_content']);
  });
});

describe('reportQueuePath', () => {
  it('leaves empty filters out and keeps a stable order', () => {
    expect(reportQueuePath({})).toBe('/reports/');
    expect(reportQueuePath({ status: '', reason: '' })).toBe('/reports/');
    expect(reportQueuePath({ reason: 'spam', status: 'pending', target_type: 'chat_message' }))
      .toBe('/reports/?status=pending&target_type=chat_message&reason=spam');
  });
});

describe('reviewBody', () => {
  const draft = { status: null, note: '', action: 'hide_content', suspendDays: 7 } as const;

  it('sends an action only when resolving, and days only with a suspension', () => {
    expect(reviewBody({ ...draft, status: 'in_review' })).toEqual({ status: 'in_review' });
    expect(reviewBody({ ...draft, status: 'rejected', note: '  문제 없음 ' })).toEqual({ status: 'rejected', admin_note: '문제 없음' });
    expect(reviewBody({ ...draft, status: 'resolved' })).toEqual({ status: 'resolved', action: 'hide_content' });
    expect(reviewBody({ ...draft, status: 'resolved', action: 'suspend_user' }))
      .toEqual({ status: 'resolved', action: 'suspend_user', suspend_days: 7 });
  });

  it('can send a note alone', () => {
    expect(reviewBody({ ...draft, note: 'checked the chat log' })).toEqual({ admin_note: 'checked the chat log' });
  });
});

describe('utcDayRange', () => {
  it('counts whole UTC days back from today, today included', () => {
    const now = new Date('2026-03-02T23:30:00+09:00'); // 14:30 UTC on 2 March
    expect(utcDayRange(1, now)).toEqual({ from: '2026-03-02', to: '2026-03-02' });
    expect(utcDayRange(7, now)).toEqual({ from: '2026-02-24', to: '2026-03-02' });
  });
});
