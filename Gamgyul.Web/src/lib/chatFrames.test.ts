import { describe, expect, it } from 'vitest';
import { parseServerFrame, readFrame, sendFrame } from './chatFrames';

describe('chat frames', () => {
  it('reads message.new as the gateway writes it', () => {
    const frame = parseServerFrame(JSON.stringify({
      type: 'message.new',
      message: { id: 'm1', room_id: 'r1', sender: { handle: 'gyul', username: '귤', profile_image: '' }, kind: 'text', text: '안녕', created_at: '2026-01-01T00:00:00Z', images: ['https://x/i.webp', 3],
        image_details: [{ url: 'https://x/i.webp', placeholder: 'LKO2?U%2Tw=w]~RBVZRi};RPxuwH', width: 1600, height: 1200 }, { placeholder: 'no url' }, { url: 'https://x/j.webp', width: -1 }] },
    }));
    expect(frame).toEqual({
      type: 'message.new',
      message: { id: 'm1', room_id: 'r1', sender: { handle: 'gyul', username: '귤', profile_image: '' }, kind: 'text', text: '안녕', created_at: '2026-01-01T00:00:00Z', images: ['https://x/i.webp'],
        imageDetails: [{ url: 'https://x/i.webp', placeholder: 'LKO2?U%2Tw=w]~RBVZRi};RPxuwH', width: 1600, height: 1200 }, { url: 'https://x/j.webp', placeholder: null, width: null, height: null }] },
    });
  });

  it('reads acks, errors, signals, room changes and system messages without a sender', () => {
    expect(parseServerFrame('{"type":"message.ack","client_msg_id":"c1","id":"m1","room_id":"r1","created_at":"t"}'))
      .toEqual({ type: 'message.ack', client_msg_id: 'c1', id: 'm1', room_id: 'r1', created_at: 't' });
    expect(parseServerFrame('{"type":"error","code":"rate_limited","detail":"slow down","client_msg_id":null}'))
      .toEqual({ type: 'error', code: 'rate_limited', detail: 'slow down', client_msg_id: null });
    expect(parseServerFrame('{"type":"read","room_id":"r1","user":{"handle":"a","username":"A","profile_image":""},"message_id":"m1","at":"t"}'))
      .toMatchObject({ type: 'read', room_id: 'r1', message_id: 'm1', user: { handle: 'a' } });
    expect(parseServerFrame('{"type":"room.updated","room_id":"r1","change":"deleted"}')).toEqual({ type: 'room.updated', room_id: 'r1', change: 'deleted' });
    const system = parseServerFrame('{"type":"message.new","message":{"id":"m2","room_id":"r1","sender":null,"kind":"system","text":"들어왔어요","created_at":"t"}}');
    expect(system).toMatchObject({ message: { sender: null, kind: 'system', images: [] } });
  });

  it('turns anything malformed or unknown into null', () => {
    for (const bad of ['', 'not json', '[]', '{"type":1}', '{"type":"mystery"}', '{"type":"message.new","message":{"id":"m"}}',
      '{"type":"message.ack","id":"m"}', '{"type":"typing","room_id":"r"}', 42]) {
      expect(parseServerFrame(bad)).toBeNull();
    }
  });

  it('writes client frames in the gateway shape', () => {
    expect(JSON.parse(sendFrame('r1', '안녕', 'c1'))).toEqual({ type: 'message.send', room_id: 'r1', text: '안녕', client_msg_id: 'c1' });
    expect(JSON.parse(sendFrame('r1', '', 'c2', 'media-1'))).toEqual({ type: 'message.send', room_id: 'r1', text: '', client_msg_id: 'c2', images: ['media-1'] });
    expect(JSON.parse(readFrame('r1', 'm1'))).toEqual({ type: 'read', room_id: 'r1', message_id: 'm1' });
  });
});
