import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect';

describe('safeRedirect', () => {
  it.each([
    [null, '/'],
    ['', '/'],
    ['/i/x/apps?name=a', '/i/x/apps?name=a'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['/login', '/'],
    ['/login?redirect=/x', '/'],
  ])('%s → %s', (input, out) => {
    expect(safeRedirect(input)).toBe(out);
  });
});
