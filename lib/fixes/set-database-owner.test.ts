import { describe, expect, it } from 'vitest';
import { validate } from '@/lib/validation';
import { applyQuickFix } from './index';
import { deepFreeze, designChanges, designOf } from './test-utils';

// No rule offers this fix yet (ownership is recorded by own-database), so it is tested directly.
describe('set-database-owner', () => {
  const design = deepFreeze(designOf({ nodes: { a: 'service', b: 'service', db: 'database' }, edges: ['a -> db'] }));

  it('records the service using the store as its owner', () => {
    const result = applyQuickFix(design, { ruleId: 'any', severity: 'info', message: '', targets: ['db'] }, 'set-database-owner');
    if (!result.ok) throw new Error(result.error);
    expect(result.design.nodes[2]).toMatchObject({ ownerId: 'a' });
    expect(designChanges(design, result.design)).toEqual({
      nodes: { added: 0, removed: [], changed: { db: ['ownerId'] } },
      edges: { added: 0, removed: [], changed: {} },
      events: { added: 0, removed: [], changed: {} },
      settings: [],
      other: [],
    });
    // Now b reaching it would be cross-service access: the owner is what that rule checks.
    expect(validate(result.design, { reuse: false }).some((f) => f.ruleId === 'cross-service-data-access')).toBe(false);
  });

  it('works from a data edge too', () => {
    const result = applyQuickFix(design, { ruleId: 'any', severity: 'info', message: '', targets: ['a:db', 'a', 'db'] }, 'set-database-owner');
    expect(result.ok && result.design.nodes[2]).toMatchObject({ ownerId: 'a' });
  });

  it.each([
    ['already owned', designOf({ nodes: { a: 'service', db: ['database', { ownerId: 'a' }] }, edges: ['a -> db'] }), /already owned/],
    ['nobody uses it', designOf({ nodes: { a: 'service', db: 'database' } }), /No service uses/],
    ['not a store', designOf({ nodes: { a: 'service' } }), /no database/],
  ])('cannot apply: %s', (_, d, error) => {
    const target = d.nodes.find((n) => n.kind !== 'service')?.id ?? 'a';
    const result = applyQuickFix(deepFreeze(d), { ruleId: 'any', severity: 'info', message: '', targets: [target] }, 'set-database-owner');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
