import { describe, expect, it } from 'vitest';
import { addPicked, canManage, groupRoomBody, normalizeHandle, sendErrorKey } from './chatGroups';

describe('group rooms', () => {
  it('normalizes a typed handle and refuses what cannot be one', () => {
    expect(normalizeHandle(' @Gyul.Farm ')).toBe('gyul.farm');
    expect(normalizeHandle('ab')).toBeNull();
    expect(normalizeHandle('귤농부')).toBeNull();
    expect(normalizeHandle('a b c')).toBeNull();
  });

  it('picks each other user once, never me, up to the limit', () => {
    const a = { handle: 'aaa', username: 'A' };
    const b = { handle: 'bbb', username: 'B' };
    let picked = addPicked([], a, 'me_', 2);
    picked = addPicked(picked, a, 'me_', 2);
    picked = addPicked(picked, { handle: 'me_', username: 'Me' }, 'me_', 2);
    picked = addPicked(picked, b, 'me_', 2);
    expect(picked).toEqual([a, b]);
    expect(addPicked(picked, { handle: 'ccc', username: 'C' }, 'me_', 2)).toEqual([a, b]);
  });

  it('sends a group of one other person with a name, so it does not become the direct room', () => {
    expect(groupRoomBody([{ handle: 'bbb', username: '귤' }], '  ', '나')).toEqual({ handles: ['bbb'], name: '나, 귤' });
    expect(groupRoomBody([{ handle: 'bbb', username: 'B' }, { handle: 'ccc', username: 'C' }], '', 'A')).toEqual({ handles: ['bbb', 'ccc'], name: '' });
    expect(groupRoomBody([{ handle: 'bbb', username: 'B' }], ' 농장 ', 'A').name).toBe('농장');
  });

  it('lets only the owner manage a room', () => {
    expect(canManage('aaa', 'aaa')).toBe(true);
    expect(canManage('aaa', 'bbb')).toBe(false);
    expect(canManage(null, undefined)).toBe(false);
  });

  it('explains every refusal of the gateway, the refused image included', () => {
    expect(sendErrorKey('invalid_image')).toBe('chatSend.invalidImage');
    expect(sendErrorKey('blocked')).toBe('chat.refused');
    expect(sendErrorKey('rate_limited')).toBe('chatSend.rateLimited');
    expect(sendErrorKey('disconnected')).toBe('chat.failedMaybe');
    expect(sendErrorKey('something_new')).toBe('chat.failed');
  });
});
