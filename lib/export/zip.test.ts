import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { GeneratedFile } from '@/lib/generators/types';
import { crc32, zipDate, zipFiles } from './zip';

const FILES: GeneratedFile[] = [
  { path: 'README.md', content: '# Shop\n' },
  { path: 'services/orders/src/main.ts', content: 'console.log("héllo ✓");\n' },
  { path: 'scripts/dev.sh', content: '#!/bin/sh\necho dev\n', executable: true },
  { path: 'services/orders/Dockerfile', content: 'FROM node:20\n' },
  { path: 'docker-compose.yml', content: 'services: {}\n' },
];

/** Compression method of each local file header (8 = DEFLATE, 0 = stored). */
function localHeaderMethods(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const methods: number[] = [];
  let offset = 0;
  while (offset + 30 <= bytes.length && view.getUint32(offset, true) === 0x04034b50) {
    methods.push(view.getUint16(offset + 8, true));
    const size = view.getUint32(offset + 18, true);
    offset += 30 + size + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  }
  return methods;
}

describe('zipFiles', () => {
  it('gives identical bytes for the same input, whatever the input order', async () => {
    const a = await zipFiles(FILES, { date: '2026-03-04' });
    const b = await zipFiles([...FILES].reverse(), { date: '2026-03-04' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = await zipFiles(FILES, { date: '2026-03-05' });
    expect(Buffer.from(a).equals(Buffer.from(other))).toBe(false);
  });

  it('round-trips: sorted entries with their directories, contents, modes and the fixed date', async () => {
    const zip = await JSZip.loadAsync(await zipFiles(FILES, { date: '2026-03-04' }));
    expect(Object.keys(zip.files)).toEqual([
      'README.md',
      'docker-compose.yml',
      'scripts/',
      'scripts/dev.sh',
      'services/',
      'services/orders/',
      'services/orders/Dockerfile',
      'services/orders/src/',
      'services/orders/src/main.ts',
    ]);
    for (const f of FILES) {
      const entry = zip.file(f.path)!;
      expect(await entry.async('string')).toBe(f.content);
      expect(entry.unixPermissions).toBe(f.executable ? 0o100755 : 0o100644);
      expect(entry.date.toISOString()).toBe('2026-03-04T00:00:00.000Z');
    }
    expect(zip.files['services/'].dir).toBe(true);
    expect(localHeaderMethods(await zipFiles(FILES, { date: '2026-03-04' }))).toEqual(
      Object.values(zip.files).map((f) => (f.dir ? 0 : 8)),
    );
    expect(zip.files['services/'].unixPermissions).toBe(0o040755);
  });

  it('zips an empty project', async () => {
    const zip = await JSZip.loadAsync(await zipFiles([], { date: '2026-01-01' }));
    expect(Object.keys(zip.files)).toEqual([]);
  });

  it('reports progress', async () => {
    const seen: number[] = [];
    await zipFiles(FILES, { date: '2026-01-01', onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p >= 0 && p <= 100)).toBe(true);
  });

  it('reports each file\'s UTF-8 size, shared contents included', async () => {
    const sizes: Record<string, number> = {};
    const files = [{ path: 'a/ü.txt', content: 'Grüße 👋' }, { path: 'b/copy.txt', content: 'Grüße 👋' }, { path: 'empty', content: '' }];
    await zipFiles(files, { date: '2026-01-01', onFileSize: (path, bytes) => (sizes[path] = bytes) });
    expect(sizes).toEqual({ 'a/ü.txt': 12, 'b/copy.txt': 12, empty: 0 });
  });

  it('rejects unsafe or clashing paths', async () => {
    await expect(zipFiles([{ path: '../evil', content: '' }], { date: '2026-01-01' })).rejects.toThrow(/unsafe/);
    await expect(zipFiles([{ path: '/abs', content: '' }], { date: '2026-01-01' })).rejects.toThrow(/unsafe/);
    await expect(zipFiles([{ path: 'a', content: '' }, { path: 'a', content: '' }], { date: '2026-01-01' })).rejects.toThrow(/Duplicate/);
    await expect(zipFiles([{ path: 'a', content: '' }, { path: 'a/b', content: '' }], { date: '2026-01-01' })).rejects.toThrow(/both a file and a directory/);
  });
});

describe('zipDate', () => {
  it.each(['2026-02-30', '2026-1-01', 'today', '1979-12-31', '2108-01-01', ''])('rejects %j', (d) => {
    expect(() => zipDate(d)).toThrow();
  });
  it('parses a valid date at midnight UTC', () => {
    expect(zipDate('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });
});

describe('crc32', () => {
  it('matches the IEEE check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('matches the bitwise definition for every length and alignment', () => {
    const bitwise = (bytes: Uint8Array) => {
      let c = -1;
      for (const b of bytes) {
        c ^= b;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return (c ^ -1) >>> 0;
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), fc.nat({ max: 7 }), (bytes, skip) => {
      const view = bytes.subarray(Math.min(skip, bytes.length));
      expect(crc32(view)).toBe(bitwise(view));
    }));
  });
});
