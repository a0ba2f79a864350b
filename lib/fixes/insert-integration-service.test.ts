import { expect } from 'vitest';
import type { ServiceNode } from '@/lib/model';
import { testFix } from './test-utils';

const edg = { profile: 'event-driven-gateway' } as const;
const CHARGE = { operations: [{ method: 'POST', path: '/charges' }], idempotencyKey: true };

testFix('insert-integration-service', {
  valid: [
    {
      name: 'two services calling Stripe go through stripe-integration over the broker',
      design: { nodes: { a: 'service', b: 'service', stripe: 'external', q: 'broker' }, edges: [['a -> stripe', CHARGE], ['b -> stripe', CHARGE]], settings: edg },
      rule: 'integration-service-per-external',
      changes: { nodes: { added: 1 }, edges: { added: 5, removed: ['a:stripe', 'b:stripe'] }, events: { added: 1 } },
      check: (after) => {
        const svc = after.nodes.find((n) => n.name === 'stripe-integration') as ServiceNode;
        expect(svc).toMatchObject({ kind: 'service', stack: 'nestjs' });
        expect(after.edges.filter((e) => e.kind === 'call')).toMatchObject([{ source: svc.id, target: 'stripe', operations: CHARGE.operations }]);
        expect(after.edges.filter((e) => e.kind === 'subscribe').map((e) => e.target)).toEqual([svc.id, svc.id]);
      },
    },
    {
      name: 'a service integrating two externals: each gets its own integration service',
      design: { nodes: { a: 'service', x: 'external', y: 'external' }, edges: ['a -> x', 'a -> y'], settings: { ...edg, rules: { 'no-direct-service-calls': 'off' } } },
      rule: 'integration-service-per-external',
      changes: { nodes: { added: 2 }, edges: { added: 4, removed: ['a:x', 'a:y'] } },
      check: (after) => {
        expect(after.nodes.slice(3).map((n) => n.name)).toEqual(['x-integration', 'y-integration']);
        expect(after.edges.filter((e) => e.source === 'a').map((e) => after.nodes.find((n) => n.id === e.target)?.name)).toEqual(['x-integration', 'y-integration']);
      },
    },
  ],
  invalid: [
    { name: 'no external', design: { nodes: { a: 'service' } }, finding: { targets: ['a'] }, error: /no external/ },
    { name: 'nobody calls it', design: { nodes: { x: 'external' } }, finding: { targets: ['x'] }, error: /No service calls/ },
  ],
});
