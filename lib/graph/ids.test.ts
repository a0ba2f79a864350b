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

  it('with the real hash: ids that differ only before a shared tail stay correct (the index degrades to a Map)', () => {
    const n = 1000;
    const ids = new IdIndex(n);
    const id = (i: number) => `${i.toString(36).padStart(3, '0')}-orders-service`;
    for (let i = 0; i < n; i++) expect(ids.add(id(i), i)).toBe(i);
    expect(ids.degraded).toBe(true);
    for (let i = 0; i < n; i++) expect(ids.get(id(i))).toBe(i);
  });

  it('with the real hash: generated ids (random tails) stay in the typed table', () => {
    const n = 10_000;
    const ids = new IdIndex(n);
    const id = (i: number) => `svc_${Math.imul(i + 1, 0x9e3779b1).toString(16).padStart(8, '0')}`;
    for (let i = 0; i < n; i++) expect(ids.add(id(i), i)).toBe(i);
    expect(ids.degraded).toBe(false);
    for (let i = 0; i < n; i++) expect(ids.get(id(i))).toBe(i);
  });
});
