import fc from 'fast-check';
import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportProject } from '.';
import { deflateRaw, hTree } from './deflate';
import { diskTemplates, loadDesign } from '@/lib/generators/test-support';
import { syntheticSystem } from '@/lib/model/syntheticSystem';

const LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
const encoder = new TextEncoder();

/** Our bytes equal fflate's for the level, and inflate back to the input. */
function expectSameAsFflate(data: Uint8Array, level: (typeof LEVELS)[number]): void {
  const ours = deflateRaw(data, level);
  expect(Buffer.from(ours).equals(Buffer.from(deflateSync(data, { level })))).toBe(true);
  expect(Buffer.from(inflateSync(ours)).equals(Buffer.from(data))).toBe(true);
}

// Text-like data: random runs mixed with repeats of earlier slices, so matches of every length
// and distance occur.
const textLike = fc
  .array(fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.record({ back: fc.nat(), len: fc.integer({ min: 3, max: 300 }) })), { maxLength: 60 })
  .map((parts) => {
    const out: number[] = [];
    for (const p of parts) {
      if (p instanceof Uint8Array) out.push(...p);
      else if (out.length > 0) {
        const from = out.length - 1 - (p.back % out.length);
        for (let i = 0; i < p.len; i++) out.push(out[from + (i % (out.length - from))]);
      }
    }
    return new Uint8Array(out);
  });

describe('deflateRaw', () => {
  it('writes what fflate writes, at every level', () => {
    fc.assert(
      fc.property(fc.oneof(textLike, fc.uint8Array({ maxLength: 3000 })), fc.constantFrom(...LEVELS), (data, level) => expectSameAsFflate(data, level)),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });

  it('writes what fflate writes across block boundaries and for tiny inputs', () => {
    const text = encoder.encode(Array.from({ length: 6000 }, (_, i) => `line ${i % 97}: ${'abcdefghij'.slice(i % 7)} ${(i * 7919) % 10007}\n`).join(''));
    const noise = new Uint8Array(140_000);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    const inputs = [new Uint8Array(0), new Uint8Array([7]), new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]), new Uint8Array(100_000), text, noise, noise.subarray(0, 65535), noise.subarray(0, 65536)];
    for (const data of inputs) for (const level of LEVELS) expectSameAsFflate(data, level);
  });

  it('writes what fflate writes for every file of generated projects, whatever came before', () => {
    const templates = diskTemplates();
    const files = [
      ...exportProject(loadDesign('ecommerce.archwright.yaml'), { date: '2026-01-01' }, templates).files,
      ...exportProject(syntheticSystem(8), { date: '2026-01-01' }, templates).files,
    ];
    // Alternating sizes makes each call follow one that left its scratch tables dirty.
    for (const f of files) expectSameAsFflate(encoder.encode(f.content), 6);
    for (const f of files.slice(0, 200)) expectSameAsFflate(encoder.encode(f.content), 1);
  });

  it('builds the same length-limited code lengths as fflate, also when the tree is too deep', () => {
    // Skewed (Fibonacci-like) frequencies make trees deeper than the 15- and 7-bit limits. A block
    // holds at most 25,000 symbols (the algorithm's sentinel relies on it): later ones are dropped.
    const fib = [1, 1];
    while (fib.length < 30) fib.push(fib[fib.length - 1] + fib[fib.length - 2]);
    const cap = (f: number[]) => {
      let sum = 0;
      return f.map((x) => ((sum += x) <= 25_000 ? x : 0));
    };
    const freqs = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 288 }),
      fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 288 }).map((ks) => ks.map((k) => (k === 0 ? 0 : fib[k]))),
    ).map(cap);
    let deep = 0;
    fc.assert(
      fc.property(freqs, fc.constantFrom(7, 15), (f, mb) => {
        const d = new Uint16Array(f);
        const ours = hTree(d, mb);
        const theirs = fflateHTree(d, mb);
        if (theirs.l === mb && fflateHTree(d, 99).l > mb) deep++;
        expect(ours.l).toBe(theirs.l);
        expect([...ours.t]).toEqual([...theirs.t]);
      }),
      { numRuns: 1000 },
    );
    expect(deep).toBeGreaterThan(10);
  });

  it('rejects levels outside 0–9', () => {
    expect(() => deflateRaw(new Uint8Array(1), 10)).toThrow(/level/);
    expect(() => deflateRaw(new Uint8Array(1), 1.5)).toThrow(/level/);
  });
});

// fflate 0.8's hTree as published (MIT, Copyright (c) 2026 Arjun Barrett), the oracle for ours.
interface FNode {
  s: number;
  f: number;
  l?: FNode;
  r?: FNode;
}
function fflateHTree(d: Uint16Array, mb: number): { t: Uint8Array; l: number } {
  const t: FNode[] = [];
  for (let i = 0; i < d.length; ++i) if (d[i]) t.push({ s: i, f: d[i] });
  const s = t.length;
  const t2 = t.slice();
  if (!s) return { t: new Uint8Array(0), l: 0 };
  if (s === 1) {
    const v = new Uint8Array(t[0].s + 1);
    v[t[0].s] = 1;
    return { t: v, l: 1 };
  }
  t.sort((a, b) => a.f - b.f);
  t.push({ s: -1, f: 25001 });
  let l = t[0];
  let r = t[1];
  let i0 = 0;
  let i1 = 1;
  let i2 = 2;
  t[0] = { s: -1, f: l.f + r.f, l, r };
  while (i1 !== s - 1) {
    l = t[t[i0].f < t[i2].f ? i0++ : i2++];
    r = t[i0 !== i1 && t[i0].f < t[i2].f ? i0++ : i2++];
    t[i1++] = { s: -1, f: l.f + r.f, l, r };
  }
  let maxSym = t2[0].s;
  for (let i = 1; i < s; ++i) if (t2[i].s > maxSym) maxSym = t2[i].s;
  const tr = new Uint16Array(maxSym + 1);
  const ln = (n: FNode, dd: number): number => (n.s === -1 ? Math.max(ln(n.l!, dd + 1), ln(n.r!, dd + 1)) : (tr[n.s] = dd));
  let mbt = ln(t[i1 - 1], 0);
  if (mbt > mb) {
    let i = 0;
    let dt = 0;
    const lft = mbt - mb;
    const cst = 1 << lft;
    t2.sort((a, b) => tr[b.s] - tr[a.s] || a.f - b.f);
    for (; i < s; ++i) {
      const i2_1 = t2[i].s;
      if (tr[i2_1] > mb) {
        dt += cst - (1 << (mbt - tr[i2_1]));
        tr[i2_1] = mb;
      } else break;
    }
    dt >>= lft;
    while (dt > 0) {
      const i2_2 = t2[i].s;
      if (tr[i2_2] < mb) dt -= 1 << (mb - tr[i2_2]++ - 1);
      else ++i;
    }
    for (; i >= 0 && dt; --i) {
      const i2_3 = t2[i].s;
      if (tr[i2_3] === mb) {
        --tr[i2_3];
        ++dt;
      }
    }
    mbt = mb;
  }
  return { t: new Uint8Array(tr), l: mbt };
}
