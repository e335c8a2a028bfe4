import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { appKeys, cleanParams, dictionaryKeys, instanceKeys } from './keys';

describe('query keys', () => {
  it('start with the instance', () => {
    expect(appKeys.list('i1', { offset: 0, limit: 20 })).toEqual(['instance', 'i1', 'apps', 'list', { limit: 20, offset: 0 }]);
    expect(appKeys.detail('i1', 'a1')).toEqual(['instance', 'i1', 'apps', 'detail', 'a1']);
    expect(dictionaryKeys.list('i1', { parent_code: 'P' })).toEqual(['instance', 'i1', 'dictionaries', 'list', { parent_code: 'P' }]);
    expect(instanceKeys.detail('i1')).toEqual(['instance', 'i1', 'detail']);
    expect(instanceKeys.scope('i1')).toEqual(['instance', 'i1']);
  });

  it('equal filters give equal keys (undefined/empty dropped, order irrelevant)', () => {
    expect(appKeys.list('i', { name: '', offset: 0, favorite: undefined })).toEqual(appKeys.list('i', { offset: 0 }));
    expect(cleanParams({ b: 1, a: 2 })).toEqual({ a: 2, b: 1 });
    expect(JSON.stringify(cleanParams({ b: 1, a: 2 }))).toBe('{"a":2,"b":1}');
  });

  it('invalidating the lists of one instance touches nothing else', async () => {
    const qc = new QueryClient();
    const keys = [
      appKeys.list('i1', { offset: 0 }),
      appKeys.list('i1', { offset: 20 }),
      appKeys.detail('i1', 'a'),
      appKeys.list('i2', { offset: 0 }),
      dictionaryKeys.list('i1', {}),
    ];
    for (const k of keys) qc.setQueryData(k, 1);
    await qc.invalidateQueries({ queryKey: appKeys.lists('i1') });
    const invalid = qc.getQueryCache().getAll().filter((q) => q.state.isInvalidated).map((q) => q.queryKey);
    expect(invalid).toEqual([keys[0], keys[1]]);
  });

  it('removing an instance scope drops exactly its subtree', () => {
    const qc = new QueryClient();
    qc.setQueryData(appKeys.list('i1', {}), 1);
    qc.setQueryData(dictionaryKeys.detail('i1', 'd'), 1);
    qc.setQueryData(appKeys.list('i2', {}), 1);
    qc.removeQueries({ queryKey: instanceKeys.scope('i1') });
    expect(qc.getQueryCache().getAll().map((q) => q.queryKey)).toEqual([appKeys.list('i2', {})]);
  });
});
