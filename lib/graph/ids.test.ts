import { describe, expect, it } from 'vitest';
import { IdIndex } from './ids';

describe('IdIndex', () => {
  it('maps ids to the index they were added at; the first of a duplicated id wins', () => {
    const ids = new IdIndex(4);
    expect(ids.add('a', 0)).toBe(0);
    expect(ids.add('b', 1)).toBe(1);
    expect(ids.add('a', 2)).toBe(0);
    expect([ids.get('a'), ids.get('b'), ids.get('zzz')]).toEqual([0, 1, -1]);
    expect(ids.degraded).toBe(false);
  });

  it('stays correct and switches to a Map when every id collides (a crafted design)', () => {
    const n = 500;
    const ids = new IdIndex(n, () => 7);
    for (let i = 0; i < n; i++) expect(ids.add(`id-${i}`, i)).toBe(i);
    expect(ids.degraded).toBe(true);
    expect(ids.add('id-3', n)).toBe(3);
    for (let i = 0; i < n; i++) expect(ids.get(`id-${i}`)).toBe(i);
    expect(ids.get('missing')).toBe(-1);
  });
});
