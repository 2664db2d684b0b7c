import { describe, expect, it } from 'vitest';
import { normalizeQuery, parseSearchType, searchPath, tagOfQuery } from './search';

describe('search queries', () => {
  it('trims, collapses spaces and keeps the Api limit of 100 characters', () => {
    expect(normalizeQuery('  제주   감귤 \n')).toBe('제주 감귤');
    expect(normalizeQuery('   ')).toBe('');
    expect(normalizeQuery('귤'.repeat(150))).toHaveLength(100);
  });

  it('builds the Api path only for a non-empty query, encoded', () => {
    expect(searchPath('  ', 'posts')).toBeNull();
    expect(searchPath('감귤 농장', 'users')).toBe('/search/?q=%EA%B0%90%EA%B7%A4%20%EB%86%8D%EC%9E%A5&type=users');
    expect(searchPath('#a&b', 'products')).toBe('/search/?q=%23a%26b&type=products');
  });

  it('reads an unknown type as posts', () => {
    expect(parseSearchType('users')).toBe('users');
    expect(parseSearchType('groups')).toBe('posts');
    expect(parseSearchType(null)).toBe('posts');
  });

  it('names a tag for one-word queries that can be tags', () => {
    expect(tagOfQuery('#감귤')).toBe('감귤');
    expect(tagOfQuery(' Jeju ')).toBe('jeju');
    expect(tagOfQuery('감귤 농장')).toBeNull();
    expect(tagOfQuery('@farmer')).toBeNull();
    expect(tagOfQuery('a-b')).toBeNull();
    expect(tagOfQuery('')).toBeNull();
  });
});
