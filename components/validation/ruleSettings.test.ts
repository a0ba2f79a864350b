import { describe, expect, it } from 'vitest';
import { settingsSchema, type Settings } from '@/lib/model';
import { RULE_LIST } from '@/lib/validation';
import { humanize, optionFields, resetRule, ruleRows, setLevel, setOption } from './ruleSettings';

const settings = (patch: Partial<Settings> = {}): Settings => settingsSchema.parse(patch);
const row = (s: Settings, id: string) => ruleRows(s).find((r) => r.rule.meta.id === id)!;

describe('rule rows', () => {
  it('lists every rule with the profile level and options', () => {
    const rows = ruleRows(settings());
    expect(rows).toHaveLength(RULE_LIST.length);
    expect(row(settings(), 'shared-database')).toMatchObject({ base: 'error', level: 'error', severityChanged: false, options: { includeCaches: true } });
    // House-style rules are off outside their profile; the strict profile raises severities.
    expect(row(settings(), 'no-direct-service-calls').level).toBe('off');
    expect(row(settings({ profile: 'strict' }), 'missing-circuit-breaker').level).toBe('error');
    // Profile option overrides are the base values.
    expect(row(settings({ profile: 'event-driven-gateway' }), 'god-service').baseOptions.maxStores).toBe(0);
  });

  it('falls back to the recommended profile for an unknown one', () => {
    expect(row(settings({ profile: 'nope' }), 'shared-database').level).toBe('error');
  });
});

describe('changes', () => {
  it('records only deviations from the profile', () => {
    const s0 = settings();
    const off = setLevel(s0, 'shared-database', 'off');
    expect(off).toEqual({ 'shared-database': 'off' });
    const s1 = settings({ rules: off });
    expect(row(s1, 'shared-database')).toMatchObject({ level: 'off', severityChanged: true });
    expect(setLevel(s1, 'shared-database', 'error')).toEqual({});
  });

  it('sets options, keeping the severity override, and drops options equal to the profile', () => {
    let s = settings({ rules: { 'sync-chain-too-deep': 'error' } });
    s = settings({ rules: setOption(s, 'sync-chain-too-deep', 'maxHops', 6) });
    expect(s.rules['sync-chain-too-deep']).toEqual({ severity: 'error', options: { maxHops: 6 } });
    expect(row(s, 'sync-chain-too-deep')).toMatchObject({ level: 'error', options: { maxHops: 6 }, changedOptions: ['maxHops'] });
    s = settings({ rules: setOption(s, 'sync-chain-too-deep', 'maxHops', 4) });
    expect(s.rules['sync-chain-too-deep']).toBe('error');
    s = settings({ rules: setLevel(s, 'sync-chain-too-deep', 'warning') });
    expect(s.rules).toEqual({});
    s = settings({ rules: setOption(s, 'too-many-services', 'max', 30) });
    expect(s.rules['too-many-services']).toEqual({ options: { max: 30 } });
    expect(resetRule(s, 'too-many-services')).toEqual({});
  });
});

describe('option fields', () => {
  it('reads types and bounds from the zod schema', () => {
    const god = RULE_LIST.find((r) => r.meta.id === 'god-service')!;
    expect(optionFields(god)).toEqual([
      { key: 'sigma', label: humanize('sigma'), type: 'number', min: 0, max: 100, maxLength: undefined },
      { key: 'minDegree', label: 'Min degree', type: 'integer', min: 1, max: 10000, maxLength: undefined },
      { key: 'maxStores', label: humanize('maxStores'), type: 'integer', min: 0, max: 10000, maxLength: undefined },
      { key: 'countCaches', label: 'Count caches', type: 'boolean', min: undefined, max: undefined, maxLength: undefined },
    ]);
    expect(optionFields(RULE_LIST.find((r) => r.meta.id === 'orphan-node')!)).toEqual([]);
  });

  it('every option of every rule gets a field', () => {
    for (const rule of RULE_LIST) {
      const schema = rule.meta.options;
      const keys = schema ? Object.keys(schema.parse({})) : [];
      expect(optionFields(rule).map((f) => f.key), rule.meta.id).toEqual(keys);
    }
  });
});
