import { describe, expect, it, vi } from 'vitest';
import { designOf } from './test-utils';
import { DESIGN_TARGET, compareFindings, elementPosition, resolveRuleConfig, validate, validateDetailed } from './engine';
import { PROFILES, profileRules } from './profiles';
import { RULE_LIST, RULES } from './registry';
import type { Finding } from './types';
import { settingsSchema } from '@/lib/model';
import { getGraph } from '@/lib/graph';

const ids = (rules: { rule: { meta: { id: string } } }[]) => rules.map((r) => r.rule.meta.id);
const general = RULE_LIST.filter((r) => !r.meta.profiles).map((r) => r.meta.id);

// a → b without timeout, a and b share a database, a client calls a directly.
const messy = designOf({
  nodes: { web: 'client', a: 'service', b: 'service', db: 'database', otel: 'observability', loki: ['observability', { technology: 'loki' }] },
  edges: ['web -> a', ['a -> b', { timeoutMs: undefined, tls: true }], 'a -> db', 'b -> db'],
});

describe('profiles', () => {
  it('recommended runs every general rule at its default severity', () => {
    const rules = profileRules('recommended');
    expect(ids(rules)).toEqual(general);
    for (const r of rules) expect(r.severity).toBe(r.rule.meta.defaultSeverity);
  });

  it('strict raises every severity one step', () => {
    const strict = profileRules('strict');
    expect(ids(strict)).toEqual(general);
    const sev = Object.fromEntries(strict.map((r) => [r.rule.meta.id, r.severity]));
    expect(sev['too-many-services']).toBe('warning');
    expect(sev['missing-circuit-breaker']).toBe('error');
    expect(sev['shared-database']).toBe('error');
  });

  it('house styles add their own rules and adjust the general ones', () => {
    const edg = ids(profileRules('event-driven-gateway'));
    for (const id of ['no-direct-service-calls', 'integration-service-per-external', 'database-via-gateway', 'errors-to-notification', 'credentials-in-env', 'stateful-service']) expect(edg).toContain(id);
    expect(edg).not.toContain('wrong-cuts');
    expect(edg).not.toContain('non-grpc-sync-call');
    const gk = profileRules('grpc-kafka');
    for (const id of ['non-grpc-sync-call', 'unversioned-grpc-package', 'non-kafka-async', 'missing-outbox', 'missing-k8s-target', 'replicas-below-ha', 'stateful-service']) expect(ids(gk)).toContain(id);
    expect(gk.find((r) => r.rule.meta.id === 'missing-health-check')?.severity).toBe('error');
    expect(ids(gk)).not.toContain('no-direct-service-calls');
  });

  it('every profile override names a real rule', () => {
    for (const p of Object.values(PROFILES)) for (const id of Object.keys(p.rules)) expect(RULES[id], `${p.id}: ${id}`).toBeDefined();
  });
});

describe('validate', () => {
  it('reports findings sorted by severity, rule id and design position of the primary target', () => {
    const findings = validate(messy);
    const cmp = compareFindings(getGraph(messy));
    for (let i = 1; i < findings.length; i++) expect(cmp(findings[i - 1], findings[i])).toBeLessThanOrEqual(0);
    expect(findings.map((f) => f.severity)).toEqual([...findings.map((f) => f.severity)].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
    expect(findings[0]).toMatchObject({ ruleId: 'missing-timeout', severity: 'error', targets: ['a:b', 'a', 'b'] });
    expect(findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['shared-database', 'no-api-gateway', 'missing-timeout']));
    expect(validate(messy)).toEqual(findings);
  });

  it('uses the profile from the options over the design setting', () => {
    expect(validate(messy, { profile: 'strict' }).find((f) => f.ruleId === 'no-api-gateway')?.severity).toBe('error');
    expect(validateDetailed(messy, { profile: 'event-driven-gateway' }).profile).toBe('event-driven-gateway');
  });

  it('applies per-design rule settings: off, severity, options', () => {
    const d = { ...messy, settings: settingsSchema.parse({ rules: { 'missing-timeout': 'off', 'no-api-gateway': 'error', 'too-few-services': { options: { min: 5 } }, 'stateful-service': 'info' } }) };
    const f = validate(d);
    expect(f.some((x) => x.ruleId === 'missing-timeout')).toBe(false);
    expect(f.find((x) => x.ruleId === 'no-api-gateway')?.severity).toBe('error');
    expect(f.find((x) => x.ruleId === 'too-few-services')?.message).toMatch(/fewer than 5/);
    // An explicit severity turns on a house rule outside its profile; it finds nothing here.
    expect(resolveRuleConfig(d.settings).rules.map((r) => r.rule.meta.id)).toContain('stateful-service');
  });

  it('options alone do not enable a rule the profile leaves off', () => {
    const settings = settingsSchema.parse({ rules: { 'missing-outbox': { options: {} } } });
    expect(resolveRuleConfig(settings).rules.map((r) => r.rule.meta.id)).not.toContain('missing-outbox');
  });

  it('reports configuration problems and falls back', () => {
    const settings = settingsSchema.parse({ profile: 'mystery', rules: { 'no-such-rule': 'error', 'too-many-services': { options: { max: -3 } } } });
    const config = resolveRuleConfig(settings);
    expect(config.profile).toBe('recommended');
    expect(config.issues.map((i) => i.message).join('\n')).toMatch(/Unknown profile "mystery"[\s\S]*Unknown rule "no-such-rule"[\s\S]*Invalid options for too-many-services/);
    expect(config.rules.find((r) => r.rule.meta.id === 'too-many-services')?.options).toEqual({ max: 15 });
  });

  it('drops suppressed findings and reports them with their reason', () => {
    const settings = settingsSchema.parse({
      suppressions: [
        { ruleId: 'shared-database', targetId: 'db', reason: 'Legacy reporting DB; split planned in Q3.' },
        { ruleId: 'no-distributed-tracing', targetId: DESIGN_TARGET, reason: 'Tracing comes with the platform team.' },
        { ruleId: 'orphan-node', targetId: 'gone', reason: 'stale' },
      ],
    });
    const d = designOf({ nodes: { a: 'service', b: 'service', db: 'database' }, edges: ['a -> db', 'b -> db'] });
    const res = validateDetailed({ ...d, settings });
    expect(res.findings.some((f) => f.ruleId === 'shared-database')).toBe(false);
    expect(res.findings.some((f) => f.ruleId === 'no-distributed-tracing' && f.targets.length === 0)).toBe(false);
    expect(res.suppressed.map((s) => [s.finding.ruleId, s.suppression.reason])).toEqual([
      ['shared-database', 'Legacy reporting DB; split planned in Q3.'],
      ['no-distributed-tracing', 'Tracing comes with the platform team.'],
    ]);
    expect(res.issues.some((i) => /"gone", which is not in the design/.test(i.message))).toBe(true);
  });

  it('reuses the previous result when only inert fields changed, and only then', () => {
    const d = designOf({ nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { timeoutMs: undefined }]] });
    const spy = vi.spyOn(RULES['missing-timeout'], 'check');
    try {
      const first = validate(d);
      expect(spy).toHaveBeenCalledTimes(1);
      // Move a node and relabel the edge: same findings, no rule runs.
      const moved = { ...d, nodes: [{ ...d.nodes[0], position: { x: 50, y: 9 }, label: 'A' }, d.nodes[1]], edges: [{ ...d.edges[0], label: 'calls' }] };
      const again = validate(moved);
      expect(again).toEqual(first);
      expect(again).not.toBe(first);
      expect(spy).toHaveBeenCalledTimes(1);
      // A change a rule reads runs the rules again.
      const fixed = { ...moved, edges: [{ ...moved.edges[0], timeoutMs: 500 }] };
      expect(validate(fixed).some((f) => f.ruleId === 'missing-timeout')).toBe(false);
      expect(spy).toHaveBeenCalledTimes(2);
      // reuse: false always runs.
      validate(fixed, { reuse: false });
      expect(spy).toHaveBeenCalledTimes(3);
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps going when a rule throws, and reports it', () => {
    const spy = vi.spyOn(RULES['nanoservice'], 'check').mockImplementation(() => {
      throw new Error('boom');
    });
    try {
      const res = validateDetailed(designOf({ nodes: { a: 'service' } }), { profile: 'grpc-kafka' });
      expect(res.failures).toEqual([{ ruleId: 'nanoservice', error: 'boom' }]);
      expect(res.findings.length).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
  });

  it('orders by severity, rule id, then nodes, edges and events in design order', () => {
    const d = designOf({ nodes: { y: 'service', x: 'service' }, edges: ['y -> x'], events: [{ id: 'ev', name: 'E' }] });
    const pos = elementPosition(getGraph(d));
    expect([pos(undefined), pos(DESIGN_TARGET), pos('y'), pos('x'), pos('y:x'), pos('ev'), pos('nope')]).toEqual([-1, -1, 0, 1, 2, 3, Infinity]);
    const f = (ruleId: string, severity: Finding['severity'], targets: string[]): Finding => ({ ruleId, severity, targets, message: 'm' });
    const list = [f('b', 'info', ['y']), f('a', 'info', ['ev']), f('a', 'info', ['y:x']), f('a', 'info', ['x']), f('a', 'info', []), f('z', 'error', ['x'])];
    expect(list.sort(compareFindings(getGraph(d))).map((x) => `${x.severity}:${x.ruleId}:${x.targets}`)).toEqual(['error:z:x', 'info:a:', 'info:a:x', 'info:a:y:x', 'info:a:ev', 'info:b:y']);
  });
});
