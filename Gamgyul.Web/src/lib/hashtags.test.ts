import { describe, expect, it } from 'vitest';
import { extractHashtags, normalizeTag, segmentHashtags } from './hashtags';

describe('extractHashtags', () => {
  it('finds Korean, Latin and mixed tags in order, lower-cased and unique', () => {
    expect(extractHashtags('제주 #감귤 수확! #Jeju #한라봉_2026 #감귤')).toEqual(['감귤', 'jeju', '한라봉_2026']);
  });

  it('ignores a # inside a word and HTML entities', () => {
    expect(extractHashtags('a#b C# &#39; mail#tag')).toEqual([]);
  });

  it('stops a tag at punctuation and whitespace', () => {
    expect(extractHashtags('#귤, #orange.')).toEqual(['귤', 'orange']);
  });

  it('treats decomposed Hangul (NFD) as the same tag as composed Hangul', () => {
    const decomposed = '#감귤'.normalize('NFD');
    expect(extractHashtags(`${decomposed} #감귤`)).toEqual(['감귤']);
  });

  it('drops tags longer than the server accepts', () => {
    expect(extractHashtags(`#${'가'.repeat(51)} #ok`)).toEqual(['ok']);
  });
});

describe('normalizeTag', () => {
  it('strips the leading # and spaces', () => {
    expect(normalizeTag(' #감귤 ')).toBe('감귤');
  });

  it('rejects characters a tag cannot have', () => {
    expect(normalizeTag('감귤-농장')).toBeNull();
    expect(normalizeTag('#')).toBeNull();
  });
});

describe('segmentHashtags', () => {
  it('cuts text into plain runs and tags and keeps every character', () => {
    const text = '오늘 #감귤 따러 가요 #제주';
    const segments = segmentHashtags(text);
    expect(segments.map((s) => s.kind)).toEqual(['text', 'tag', 'text', 'tag']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments[1]).toEqual({ kind: 'tag', text: '#감귤', tag: '감귤' });
  });

  it('returns one plain segment when there is no tag', () => {
    expect(segmentHashtags('그냥 글')).toEqual([{ kind: 'text', text: '그냥 글' }]);
  });
});
