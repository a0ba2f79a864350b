import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getRule, RULE_LIST, RULES } from './registry';

const dir = path.join(__dirname, 'rules');
const files = readdirSync(dir);
const ruleFiles = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => f.slice(0, -3)).sort();

/** The catalog in DESIGN §4. */
const CATALOG = [
  'too-few-services', 'too-many-services', 'nanoservice', 'shared-database', 'cross-service-data-access', 'missing-timeout',
  'missing-circuit-breaker', 'non-idempotent-retry', 'sync-cycle', 'sync-chain-too-deep', 'no-api-gateway', 'chatty-services',
  'god-service', 'high-coupling', 'esb-misuse', 'wrong-cuts', 'missing-health-check', 'no-distributed-tracing',
  'no-structured-logging', 'unauthenticated-entry', 'plaintext-service-traffic', 'orphan-node', 'event-contract-mutated',
];

describe('rule registry', () => {
  it('holds exactly the rule files on disk, keyed by their ids', () => {
    expect(Object.keys(RULES).sort()).toEqual(ruleFiles);
    for (const id of ruleFiles) expect(RULES[id].meta.id).toBe(id);
  });

  it('has a test file for every rule', () => {
    for (const id of ruleFiles) expect(files).toContain(`${id}.test.ts`);
  });

  it('covers the whole DESIGN §4 catalog, enabled in every profile', () => {
    for (const id of CATALOG) {
      expect(RULES[id], id).toBeDefined();
      expect(RULES[id].meta.profiles).toBeUndefined();
    }
  });

  it('lists rules in id order and looks them up safely', () => {
    expect(RULE_LIST.map((r) => r.meta.id)).toEqual(ruleFiles);
    expect(getRule('shared-database')?.meta.title).toBe('Shared database');
    expect(getRule('toString')).toBeUndefined();
  });
});
