// Raw DEFLATE (RFC 1951) for the zip writer: fflate 0.8's one-shot `deflateSync`, ported so that
// the compressor keeps its scratch tables between calls. fflate allocates about 170 KB of zeroed
// tables per call, and a project's ~1,000 distinct, mostly small files made that (and the garbage
// it leaves) a large share of zipping. Same algorithm, same bytes: a test compares the output with
// fflate's for every level.
//
// Ported from fflate (https://github.com/101arrowz/fflate), MIT License, Copyright (c) 2026 Arjun
// Barrett. Permission is hereby granted, free of charge, to any person obtaining a copy of this
// software and associated documentation files (the "Software"), to deal in the Software without
// restriction, including without limitation the rights to use, copy, modify, merge, publish,
// distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
// Software is furnished to do so, subject to the following conditions: The above copyright notice
// and this permission notice shall be included in all copies or substantial portions of the
// Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
// INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE
// AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
// DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

// Length and distance extra bits, and the order code-length code lengths are written in.
const FLEB = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0, 0, 0, 0]);
const FDEB = new Uint8Array([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 0, 0]);
const CLIM = new Uint8Array([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);

/** Value → (offset from its code's base << 5) | code index, for lengths or distances. */
function reverseBase(eb: Uint8Array, start: number): Int32Array {
  const b = new Uint16Array(31);
  for (let i = 0; i < 31; ++i) b[i] = start += 1 << eb[i - 1];
  const r = new Int32Array(b[30]);
  for (let i = 1; i < 30; ++i) for (let j = b[i]; j < b[i + 1]; ++j) r[j] = ((j - b[i]) << 5) | i;
  return r;
}
const REVFL = reverseBase(FLEB, 2);
REVFL[258] = 28;
const REVFD = reverseBase(FDEB, 0);

// 15-bit bit reversal.
const REV = new Uint16Array(32768);
for (let i = 0; i < 32768; ++i) {
  let x = ((i & 0xaaaa) >> 1) | ((i & 0x5555) << 1);
  x = ((x & 0xcccc) >> 2) | ((x & 0x3333) << 2);
  x = ((x & 0xf0f0) >> 4) | ((x & 0x0f0f) << 4);
  REV[i] = (((x & 0xff00) >> 8) | ((x & 0x00ff) << 8)) >> 1;
}

/** Canonical Huffman codes (bit-reversed, for LSB-first writing) from code lengths. */
function hMap(cd: Uint8Array, mb: number): Uint16Array {
  const s = cd.length;
  const l = new Uint16Array(mb);
  for (let i = 0; i < s; ++i) if (cd[i]) ++l[cd[i] - 1];
  const le = new Uint16Array(mb);
  for (let i = 1; i < mb; ++i) le[i] = (le[i - 1] + l[i - 1]) << 1;
  const co = new Uint16Array(s);
  for (let i = 0; i < s; ++i) if (cd[i]) co[i] = REV[le[cd[i] - 1]++] >> (15 - cd[i]);
  return co;
}

// Fixed literal/length and distance trees.
const FLT = new Uint8Array(288);
for (let i = 0; i < 144; ++i) FLT[i] = 8;
for (let i = 144; i < 256; ++i) FLT[i] = 9;
for (let i = 256; i < 280; ++i) FLT[i] = 7;
for (let i = 280; i < 288; ++i) FLT[i] = 8;
const FDT = new Uint8Array(32).fill(5);
const FLM = hMap(FLT, 9);
const FDM = hMap(FDT, 5);
const EMPTY = new Uint8Array(0);

const shft = (p: number) => ((p + 7) / 8) | 0;

// Writes up to 9 (wbits) or 17 (wbits16) bits of v at bit p of a zeroed buffer.
function wbits(d: Uint8Array, p: number, v: number): void {
  v <<= p & 7;
  const o = (p / 8) | 0;
  d[o] |= v;
  d[o + 1] |= v >> 8;
}
function wbits16(d: Uint8Array, p: number, v: number): void {
  v <<= p & 7;
  const o = (p / 8) | 0;
  d[o] |= v;
  d[o + 1] |= v >> 8;
  d[o + 2] |= v >> 16;
}

// hTree scratch: leaves sorted by (frequency, symbol), then internal nodes; a node's symbol is -1
// when it is internal.
const MAX_SYMS = 288;
const hKeys = new Int32Array(MAX_SYMS);
const nodeF = new Int32Array(2 * MAX_SYMS + 2);
const nodeS = new Int32Array(2 * MAX_SYMS + 2);
const nodeL = new Int32Array(2 * MAX_SYMS + 2);
const nodeR = new Int32Array(2 * MAX_SYMS + 2);
const order = new Int32Array(MAX_SYMS + 1);

function depths(n: number, tr: Uint16Array, d: number): number {
  return nodeS[n] === -1 ? Math.max(depths(nodeL[n], tr, d + 1), depths(nodeR[n], tr, d + 1)) : (tr[nodeS[n]] = d);
}

/**
 * Length-limited Huffman code lengths from frequencies (fflate's, from UZIP.js; exported for
 * tests). fflate sorts leaf objects stably by frequency; sorting (frequency << 9 | symbol)
 * integers gives the same order without allocating them.
 */
export function hTree(d: Uint16Array, mb: number): { t: Uint8Array; l: number } {
  let s = 0;
  for (let i = 0; i < d.length; ++i) if (d[i]) hKeys[s++] = (d[i] << 9) | i;
  if (!s) return { t: EMPTY, l: 0 };
  const maxSym = hKeys[s - 1] & 511;
  if (s === 1) {
    const v = new Uint8Array(maxSym + 1);
    v[maxSym] = 1;
    return { t: v, l: 1 };
  }
  hKeys.subarray(0, s).sort();
  for (let i = 0; i < s; ++i) {
    nodeF[i] = hKeys[i] >> 9;
    nodeS[i] = hKeys[i] & 511;
    order[i] = i;
  }
  // A sentinel heavier than any sum of a block's frequencies ends the leaf run.
  nodeF[s] = 25001;
  nodeS[s] = -2;
  order[s] = s;
  let next = s + 1;
  const join = (l: number, r: number) => {
    nodeF[next] = nodeF[l] + nodeF[r];
    nodeS[next] = -1;
    nodeL[next] = l;
    nodeR[next] = r;
    return next++;
  };
  let i0 = 0;
  let i1 = 1;
  let i2 = 2;
  order[0] = join(order[0], order[1]);
  while (i1 !== s - 1) {
    const l = order[nodeF[order[i0]] < nodeF[order[i2]] ? i0++ : i2++];
    const r = order[i0 !== i1 && nodeF[order[i0]] < nodeF[order[i2]] ? i0++ : i2++];
    order[i1++] = join(l, r);
  }
  const tr = new Uint16Array(maxSym + 1);
  let mbt = depths(order[i1 - 1], tr, 0);
  if (mbt > mb) {
    // Too deep: move the deepest leaves up and pay the debt with shallower ones.
    const t2: number[] = [];
    for (let i = 0; i < d.length; ++i) if (d[i]) t2.push(i);
    let i = 0;
    let dt = 0;
    const lft = mbt - mb;
    const cst = 1 << lft;
    t2.sort((a, b) => tr[b] - tr[a] || d[a] - d[b]);
    for (; i < s; ++i) {
      const sym = t2[i];
      if (tr[sym] > mb) {
        dt += cst - (1 << (mbt - tr[sym]));
        tr[sym] = mb;
      } else break;
    }
    dt >>= lft;
    while (dt > 0) {
      const sym = t2[i];
      if (tr[sym] < mb) dt -= 1 << (mb - tr[sym]++ - 1);
      else ++i;
    }
    for (; i >= 0 && dt; --i) {
      const sym = t2[i];
      if (tr[sym] === mb) {
        --tr[sym];
        ++dt;
      }
    }
    mbt = mb;
  }
  return { t: new Uint8Array(tr), l: mbt };
}

/** Run-length codes of a code-length table (codes 16, 17, 18 with their repeat counts). */
function lc(c: Uint8Array): { c: Uint16Array; n: number } {
  let s = c.length;
  while (s && !c[--s]);
  const cl = new Uint16Array(++s);
  let cli = 0;
  let cln = c[0];
  let cls = 1;
  for (let i = 1; i <= s; ++i) {
    if (c[i] === cln && i !== s) ++cls;
    else {
      if (!cln && cls > 2) {
        for (; cls > 138; cls -= 138) cl[cli++] = 32754;
        if (cls > 2) {
          cl[cli++] = cls > 10 ? ((cls - 11) << 5) | 28690 : ((cls - 3) << 5) | 12305;
          cls = 0;
        }
      } else if (cls > 3) {
        cl[cli++] = cln;
        --cls;
        for (; cls > 6; cls -= 6) cl[cli++] = 8304;
        if (cls > 2) {
          cl[cli++] = ((cls - 3) << 5) | 8208;
          cls = 0;
        }
      }
      while (cls--) cl[cli++] = cln;
      cls = 1;
      cln = c[i];
    }
  }
  return { c: cl.subarray(0, cli), n: s };
}

function clen(cf: Uint16Array, cl: Uint8Array): number {
  let l = 0;
  for (let i = 0; i < cl.length; ++i) l += cf[i] * cl[i];
  return l;
}

/** A stored block; returns the new bit position. */
function wfblk(out: Uint8Array, pos: number, dat: Uint8Array): number {
  const s = dat.length;
  const o = shft(pos + 2);
  out[o] = s & 255;
  out[o + 1] = s >> 8;
  out[o + 2] = out[o] ^ 255;
  out[o + 3] = out[o + 1] ^ 255;
  out.set(dat, o + 4);
  return (o + 4 + s) * 8;
}

/** One block, stored, fixed or dynamic Huffman, whichever is shortest; returns the new bit position. */
function wblk(dat: Uint8Array, out: Uint8Array, final: number, syms: Int32Array, lf: Uint16Array, df: Uint16Array, eb: number, li: number, bs: number, bl: number, p: number): number {
  wbits(out, p++, final);
  ++lf[256];
  const { t: dlt, l: mlb } = hTree(lf, 15);
  const { t: ddt, l: mdb } = hTree(df, 15);
  const { c: lclt, n: nlc } = lc(dlt);
  const { c: lcdt, n: ndc } = lc(ddt);
  const lcfreq = new Uint16Array(19);
  for (let i = 0; i < lclt.length; ++i) ++lcfreq[lclt[i] & 31];
  for (let i = 0; i < lcdt.length; ++i) ++lcfreq[lcdt[i] & 31];
  const { t: lct, l: mlcb } = hTree(lcfreq, 7);
  let nlcc = 19;
  for (; nlcc > 4 && !lct[CLIM[nlcc - 1]]; --nlcc);
  const flen = (bl + 5) << 3;
  const ftlen = clen(lf, FLT) + clen(df, FDT) + eb;
  const dtlen = clen(lf, dlt) + clen(df, ddt) + eb + 14 + 3 * nlcc + clen(lcfreq, lct) + 2 * lcfreq[16] + 3 * lcfreq[17] + 7 * lcfreq[18];
  if (bs >= 0 && flen <= ftlen && flen <= dtlen) return wfblk(out, p, dat.subarray(bs, bs + bl));
  let lm: Uint16Array, ll: Uint8Array, dm: Uint16Array, dl: Uint8Array;
  wbits(out, p, 1 + (dtlen < ftlen ? 1 : 0));
  p += 2;
  if (dtlen < ftlen) {
    lm = hMap(dlt, mlb);
    ll = dlt;
    dm = hMap(ddt, mdb);
    dl = ddt;
    const llm = hMap(lct, mlcb);
    wbits(out, p, nlc - 257);
    wbits(out, p + 5, ndc - 1);
    wbits(out, p + 10, nlcc - 4);
    p += 14;
    for (let i = 0; i < nlcc; ++i) wbits(out, p + 3 * i, lct[CLIM[i]]);
    p += 3 * nlcc;
    for (const clct of [lclt, lcdt]) {
      for (let i = 0; i < clct.length; ++i) {
        const len = clct[i] & 31;
        wbits(out, p, llm[len]);
        p += lct[len];
        if (len > 15) {
          wbits(out, p, (clct[i] >> 5) & 127);
          p += clct[i] >> 12;
        }
      }
    }
  } else {
    lm = FLM;
    ll = FLT;
    dm = FDM;
    dl = FDT;
  }
  for (let i = 0; i < li; ++i) {
    const sym = syms[i];
    if (sym > 255) {
      const len = (sym >> 18) & 31;
      wbits16(out, p, lm[len + 257]);
      p += ll[len + 257];
      if (len > 7) {
        wbits(out, p, (sym >> 23) & 31);
        p += FLEB[len];
      }
      const dst = sym & 31;
      wbits16(out, p, dm[dst]);
      p += dl[dst];
      if (dst > 3) {
        wbits16(out, p, (sym >> 5) & 8191);
        p += FDEB[dst];
      }
    } else {
      wbits16(out, p, lm[sym]);
      p += ll[sym];
    }
  }
  wbits16(out, p, lm[256]);
  return p + ll[256];
}

// Per level: (nice length << 13) | chain length.
const DEO = new Int32Array([65540, 131080, 131088, 131104, 262176, 1048704, 1048832, 2114560, 2117632]);

// Scratch kept between calls: match chains, hash heads, symbols, frequencies and the output.
const prev = new Uint16Array(32768);
let head = new Uint16Array(0);
const syms = new Int32Array(25000);
const lf = new Uint16Array(288);
const df = new Uint16Array(32);
let scratch = new Uint8Array(0);

/** Raw DEFLATE of `dat` at `level` (0–9): the same bytes as fflate's `deflateSync(dat, { level })`. */
export function deflateRaw(dat: Uint8Array, level = 6): Uint8Array {
  if (!Number.isInteger(level) || level < 0 || level > 9) throw new Error(`DEFLATE level ${level} is not 0–9.`);
  const s = dat.length;
  // Hash bits from the input length, as fflate picks them (12 to 20).
  const plvl = Math.ceil(Math.max(8, Math.min(13, Math.log(s))) * 1.5);
  const size = s + 5 * (1 + Math.ceil(s / 7000));
  if (scratch.length < size) scratch = new Uint8Array(Math.max(size, scratch.length * 2, 65536));
  // Bits are OR-ed into the output, and stored blocks rely on zeroed headers.
  const w = scratch.subarray(0, size).fill(0);
  let pos = 0;
  if (level) {
    const opt = DEO[level - 1];
    const n = opt >> 13;
    const c = opt & 8191;
    const msk = (1 << plvl) - 1;
    if (head.length < msk + 1) head = new Uint16Array(msk + 1);
    // Chains only ever follow positions written in this call, but a clean start costs little.
    head.fill(0, 0, msk + 1);
    prev.fill(0, 0, Math.min(s, 32768));
    lf.fill(0);
    df.fill(0);
    const bs1 = Math.ceil(plvl / 3);
    const bs2 = 2 * bs1;
    let lcnt = 0;
    let eb = 0;
    let i = 0;
    let li = 0;
    let wi = 0;
    let bs = 0;
    // The hash of the 3 bytes at i, with the next two bytes carried over between iterations.
    let b1 = dat[0];
    let b2 = dat[1];
    for (; i + 2 < s; ++i) {
      const b0 = b1;
      b1 = b2;
      b2 = dat[i + 2];
      const hv = (b0 ^ (b1 << bs1) ^ (b2 << bs2)) & msk;
      let imod = i & 32767;
      let pimod = head[hv];
      prev[imod] = pimod;
      head[hv] = imod;
      if (wi <= i) {
        const rem = s - i;
        if ((lcnt > 7000 || li > 24576) && rem > 423) {
          pos = wblk(dat, w, 0, syms, lf, df, eb, li, bs, i - bs, pos);
          li = lcnt = eb = 0;
          bs = i;
          for (let j = 0; j < 286; ++j) lf[j] = 0;
          for (let j = 0; j < 30; ++j) df[j] = 0;
        }
        let l = 2;
        let d = 0;
        let ch = c;
        let dif = (imod - pimod) & 32767;
        const k = i - dif;
        if (rem > 2 && hv === ((dat[k] ^ (dat[k + 1] << bs1) ^ (dat[k + 2] << bs2)) & msk)) {
          const maxn = Math.min(n, rem) - 1;
          const maxd = Math.min(32767, i);
          const ml = Math.min(258, rem);
          while (dif <= maxd && --ch && imod !== pimod) {
            if (dat[i + l] === dat[i + l - dif]) {
              let nl = 0;
              for (; nl < ml && dat[i + nl] === dat[i + nl - dif]; ++nl);
              if (nl > l) {
                l = nl;
                d = dif;
                if (nl > maxn) break;
                // Continue from the rarest 2-byte sequence within the match.
                const mmd = Math.min(dif, nl - 2);
                let md = 0;
                for (let j = 0; j < mmd; ++j) {
                  const ti = (i - dif + j) & 32767;
                  const pti = prev[ti];
                  const cd = (ti - pti) & 32767;
                  if (cd > md) {
                    md = cd;
                    pimod = ti;
                  }
                }
              }
            }
            imod = pimod;
            pimod = prev[imod];
            dif += (imod - pimod) & 32767;
          }
        }
        if (d) {
          syms[li++] = 268435456 | (REVFL[l] << 18) | REVFD[d];
          const lin = REVFL[l] & 31;
          const din = REVFD[d] & 31;
          eb += FLEB[lin] + FDEB[din];
          ++lf[257 + lin];
          ++df[din];
          wi = i + l;
          ++lcnt;
        } else {
          syms[li++] = dat[i];
          ++lf[dat[i]];
        }
      }
    }
    for (i = Math.max(i, wi); i < s; ++i) {
      syms[li++] = dat[i];
      ++lf[dat[i]];
    }
    pos = wblk(dat, w, 1, syms, lf, df, eb, li, bs, i - bs, pos);
  } else {
    for (let i = 0; i < s + 1; i += 65535) {
      let e = i + 65535;
      if (e >= s) {
        w[(pos / 8) | 0] = 1;
        e = s;
      }
      pos = wfblk(w, pos + 1, dat.subarray(i, e));
    }
  }
  return w.slice(0, shft(pos));
}
