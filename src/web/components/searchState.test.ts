import { describe, expect, it } from 'vitest';
import { parseSearch, serialiseSearch } from './searchState';
import { appsSearchSchema, toListParams } from '../features/apps/search';
import { dictSearchSchema } from '../features/dictionaries/search';

const parse = (qs: string) => parseSearch(appsSearchSchema, new URLSearchParams(qs));
const DEFAULTS = { name: '', offset: 0, limit: 20, favorite: 'all', app: '' };

describe('apps URL search params', () => {
  it('empty → defaults', () => {
    expect(parse('')).toEqual(DEFAULTS);
  });
  it('valid values', () => {
    expect(parse('name=order&offset=40&limit=50&favorite=yes&app=abc')).toEqual({ name: 'order', offset: 40, limit: 50, favorite: 'yes', app: 'abc' });
  });
  it.each([
    ['offset=abc', { offset: 0 }],
    ['offset=-20', { offset: 0 }],
    ['offset=1.5', { offset: 0 }],
    ['offset=1e99', { offset: 0 }],
    ['limit=7', { limit: 20 }],
    ['limit=100000', { limit: 20 }],
    ['limit=', { limit: 20 }],
    ['favorite=maybe', { favorite: 'all' }],
    ['favorite=', { favorite: 'all' }],
    ['name=%20%20x%20', { name: 'x' }],
    [`name=${'a'.repeat(300)}`, { name: 'a'.repeat(64) }],
    [`app=${'z'.repeat(300)}`, { app: '' }],
  ])('bad or odd value %s never breaks', (qs, patch) => {
    expect(parse(qs)).toEqual({ ...DEFAULTS, ...patch });
  });
  it('one bad field does not reset the good ones', () => {
    expect(parse('name=ok&offset=zzz&limit=10')).toEqual({ ...DEFAULTS, name: 'ok', limit: 10 });
  });
  it('unknown params are ignored on parse and kept on serialise', () => {
    expect(parse('foo=bar')).toEqual(DEFAULTS);
    const out = serialiseSearch({ ...DEFAULTS, name: 'x' }, DEFAULTS, new URLSearchParams('foo=bar&offset=40'));
    expect(out.toString()).toBe('foo=bar&name=x');
  });
  it('defaults stay out of the URL', () => {
    expect(serialiseSearch(DEFAULTS, DEFAULTS).toString()).toBe('');
    expect(serialiseSearch({ ...DEFAULTS, offset: 20, favorite: 'no' }, DEFAULTS).toString()).toBe('offset=20&favorite=no');
  });
  it('maps to API params', () => {
    expect(toListParams(parse('favorite=yes&name=a'))).toEqual({ offset: 0, limit: 20, name: 'a', favorite: true });
    expect(toListParams(parse('favorite=no'))).toEqual({ offset: 0, limit: 20, name: undefined, favorite: false });
    expect(toListParams(parse(''))).toEqual({ offset: 0, limit: 20, name: undefined, favorite: undefined });
  });
});

describe('dictionaries URL search params', () => {
  it('bad values fall back', () => {
    expect(parseSearch(dictSearchSchema, new URLSearchParams('offset=x&limit=3&name=Gender'))).toEqual({ name: 'Gender', offset: 0, limit: 20 });
  });
});
