import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DNS_LABEL_MAX, dnsLabelProblem, isDnsLabel, toDnsLabel, uniqueName } from './names';
import { dnsName } from './schema';

const l63 = 'a'.repeat(63);
const l64 = 'a'.repeat(64);

describe('dnsLabelProblem / isDnsLabel', () => {
  // [input, valid, expected message (regex) when invalid]
  const table: [string, boolean, RegExp?][] = [
    ['orders', true],
    ['a', true],
    ['0', true],
    ['9lives', true],
    ['order-service', true],
    ['a--b', true],
    [l63, true],
    ['a1-b2-c3', true],
    ['', false, /required/i],
    [l64, false, /64 characters; at most 63/],
    ['a'.repeat(1000), false, /1000 characters/],
    ['Orders', false, /lowercase letters only/i],
    ['ORDERS', false, /lowercase letters only/i],
    ['order-Service', false, /lowercase letters only/i],
    ['-orders', false, /must start/i],
    ['orders-', false, /must end/i],
    ['-', false, /must start/i],
    ['_orders', false, /must start/i],
    ['order_service', false, /only lowercase letters, digits and "-"/],
    ['order.service', false, /only lowercase letters, digits and "-"/],
    ['order service', false, /only lowercase letters, digits and "-"/],
    ['../etc', false, /must start/i],
    ['a/../b', false, /only lowercase letters/],
    ['🚀', false, /must start/i],
    ['rocket🚀', false, /must end/i],
    ['ro🚀ket', false, /only lowercase letters/],
    ['café', false, /must end/i],
    ['caf\u00e9s', false, /only lowercase letters/],
    [' orders', false, /must start/i],
    ['orders\n', false, /must end/i],
    ['${name}', false, /must start/i],
  ];

  it.each(table)('%j → valid=%s', (name, valid, message) => {
    expect(isDnsLabel(name)).toBe(valid);
    const problem = dnsLabelProblem(name);
    if (valid) expect(problem).toBeNull();
    else {
      expect(problem).toEqual(expect.any(String));
      expect(problem).toMatch(message!);
    }
    // The zod schema, the predicate and the explainer agree.
    expect(dnsName.safeParse(name).success).toBe(valid);
  });

  it('agree with each other on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[a-zA-Z0-9-]{0,70}$/)), (s) => {
        expect(dnsLabelProblem(s) === null).toBe(isDnsLabel(s));
        expect(dnsName.safeParse(s).success).toBe(isDnsLabel(s));
      }),
      { numRuns: 500 },
    );
  });
});

describe('toDnsLabel', () => {
  it.each([
    ['Orders Service', 'orders-service'],
    ['  Payments!!  ', 'payments'],
    ['Crème Brûlée', 'creme-brulee'],
    ['order_service.v2', 'order-service-v2'],
    ['../../etc/passwd', 'etc-passwd'],
    ['---a---b---', 'a-b'],
    ['🚀 Launch 🚀', 'launch'],
    ['ÀÉÎÕÜ', 'aeiou'],
    ['${name}', 'name'],
    ['already-fine', 'already-fine'],
  ])('%j → %j', (input, expected) => {
    expect(toDnsLabel(input)).toBe(expected);
  });

  it('falls back when nothing is left', () => {
    expect(toDnsLabel('')).toBe('node');
    expect(toDnsLabel('🚀🔥')).toBe('node');
    expect(toDnsLabel('---')).toBe('node');
    expect(toDnsLabel('!!!', 'svc')).toBe('svc');
  });

  it('never returns an invalid label, even with an invalid fallback', () => {
    expect(toDnsLabel('', 'My Fallback')).toBe('my-fallback');
    expect(toDnsLabel('', '🚀')).toBe('node');
    expect(isDnsLabel(toDnsLabel('', ''))).toBe(true);
  });

  it('trims to 63 characters without a trailing dash', () => {
    expect(toDnsLabel('a'.repeat(100))).toBe('a'.repeat(63));
    const s = toDnsLabel(`${'a'.repeat(62)} b`);
    expect(s).toBe('a'.repeat(62));
    expect(s.length).toBe(62);
  });

  it('property: always a valid DNS-1123 label, and idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string(), (text, fallback) => {
        const label = toDnsLabel(text, fallback);
        expect(isDnsLabel(label)).toBe(true);
        expect(toDnsLabel(label)).toBe(label);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: valid labels pass through unchanged', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/), (label) => {
        // Repeated dashes collapse; otherwise a valid label is kept as is.
        expect(toDnsLabel(label)).toBe(label.replace(/-+/g, '-'));
      }),
    );
  });
});

describe('uniqueName', () => {
  it('returns the base when free', () => {
    expect(uniqueName('orders', new Set())).toBe('orders');
    expect(uniqueName('orders', new Set(['payments']))).toBe('orders');
  });

  it('normalizes the base first', () => {
    expect(uniqueName('Orders Service', new Set())).toBe('orders-service');
    expect(uniqueName('', new Set())).toBe('node');
  });

  it('adds -2, -3… skipping taken ones', () => {
    expect(uniqueName('orders', new Set(['orders']))).toBe('orders-2');
    expect(uniqueName('orders', new Set(['orders', 'orders-2', 'orders-3']))).toBe('orders-4');
    expect(uniqueName('Orders', new Set(['orders']))).toBe('orders-2');
  });

  it('keeps suffixed names within 63 characters', () => {
    const taken = new Set([l63]);
    const a = uniqueName(l63, taken);
    expect(a).toBe(`${'a'.repeat(61)}-2`);
    expect(a.length).toBe(DNS_LABEL_MAX);
    taken.add(a);
    for (let i = 3; i <= 12; i++) taken.add(uniqueName(l63, taken));
    expect(uniqueName(l63, taken)).toBe(`${'a'.repeat(60)}-13`);
  });

  it('does not leave a dash before the suffix when trimming', () => {
    const base = `${'a'.repeat(60)}-bc`; // 63 chars; trimming to 61 ends in "-"
    expect(uniqueName(base, new Set([base]))).toBe(`${'a'.repeat(60)}-2`);
  });

  it('property: result is a valid label not in taken', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.array(fc.string({ maxLength: 70 }), { maxLength: 20 }), (base, others) => {
        const taken = new Set(others.map((o) => toDnsLabel(o)));
        taken.add(toDnsLabel(base));
        const name = uniqueName(base, taken);
        expect(isDnsLabel(name)).toBe(true);
        expect(taken.has(name)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
