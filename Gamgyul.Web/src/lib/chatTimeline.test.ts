import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './chatFrames';
import { mergeMessages, newestMessage, updatePending, type PendingMessage } from './chatTimeline';

const message = (id: string, at: string, text = id): ChatMessage =>
  ({ id, room_id: 'r', sender: null, kind: 'text', text, created_at: at, images: [] });

describe('chat timeline', () => {
  it('merges history (newest first), live frames and an overlapping catch-up into one oldest-first list', () => {
    const history = [message('c', '2026-01-01T00:00:03Z'), message('b', '2026-01-01T00:00:02Z'), message('a', '2026-01-01T00:00:01Z')];
    let timeline = mergeMessages([], history);
    timeline = mergeMessages(timeline, [message('d', '2026-01-01T00:00:04Z')]);
    // After a reconnect, ?after=d returns d again only if the caller asked from before it; overlap is harmless.
    timeline = mergeMessages(timeline, [message('c', '2026-01-01T00:00:03Z'), message('e', '2026-01-01T00:00:05Z', 'caught up')]);
    expect(timeline.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(newestMessage(timeline)?.text).toBe('caught up');
  });

  it('orders messages of the same millisecond by their id and keeps the latest copy', () => {
    const timeline = mergeMessages([message('y', '2026-01-01T00:00:01Z', 'old')], [message('x', '2026-01-01T00:00:01Z'), message('y', '2026-01-01T00:00:01Z', 'new')]);
    expect(timeline.map((m) => `${m.id}:${m.text}`)).toEqual(['x:x', 'y:new']);
    expect(newestMessage([])).toBeUndefined();
  });

  it('moves a pending message through written, acked, refused and dropped', () => {
    let pending: PendingMessage[] = [
      { clientMsgId: '1', roomId: 'r', text: 'a', status: 'queued' },
      { clientMsgId: '2', roomId: 'r', text: 'b', status: 'queued' },
      { clientMsgId: '3', roomId: 'r', text: 'c', status: 'queued' },
    ];
    pending = updatePending(pending, { kind: 'wrote', clientMsgId: '1' });
    pending = updatePending(pending, { kind: 'wrote', clientMsgId: '2' });
    pending = updatePending(pending, { kind: 'acked', clientMsgId: '1' });
    expect(pending.map((p) => `${p.clientMsgId}:${p.status}`)).toEqual(['2:sent', '3:queued']);
    // A drop before the ack: maybe stored, maybe not, so the user decides; never-written ones just wait.
    pending = updatePending(pending, { kind: 'disconnected' });
    expect(pending.map((p) => `${p.clientMsgId}:${p.status}`)).toEqual(['2:failed', '3:queued']);
    pending = updatePending(pending, { kind: 'retry', clientMsgId: '2' });
    pending = updatePending(pending, { kind: 'refused', clientMsgId: '3', code: 'blocked' });
    expect(pending).toEqual([
      { clientMsgId: '2', roomId: 'r', text: 'b', status: 'queued', error: undefined },
      { clientMsgId: '3', roomId: 'r', text: 'c', status: 'failed', error: 'blocked' },
    ]);
  });
});
