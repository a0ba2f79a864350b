import { expect } from 'vitest';
import type { ObservabilityNode } from '@/lib/model';
import { testFix } from './test-utils';

testFix('add-tracing-sink', {
  valid: [
    {
      name: 'adds an OpenTelemetry collector and turns tracing on everywhere',
      design: { nodes: { a: ['service', { tracing: false }], b: 'service' }, edges: ['a -> b'] },
      rule: 'no-distributed-tracing',
      primary: undefined,
      changes: { nodes: { added: 1, changed: { a: ['tracing'] } } },
      check: (after, result) => {
        const sink = after.nodes[2] as ObservabilityNode;
        expect(sink).toMatchObject({ kind: 'observability', technology: 'otel-collector', name: 'otel-collector', signals: { traces: true } });
        expect(result.select).toEqual({ nodes: [sink.id] });
        // Placed beside the design, not on top of a node.
        for (const n of after.nodes.slice(0, 2)) expect(Math.abs(n.position.x - sink.position.x) >= 200 || Math.abs(n.position.y - sink.position.y) >= 90).toBe(true);
      },
    },
    {
      name: 'an existing collector with traces off collects traces',
      design: { nodes: { a: 'service', b: 'service', o: ['observability', { signals: { traces: false, metrics: true, logs: true } }] } },
      rule: 'no-distributed-tracing',
      changes: { nodes: { changed: { o: ['signals'] } } },
      check: (after) => expect(after.nodes[2]).toMatchObject({ signals: { traces: true, metrics: true, logs: true } }),
    },
  ],
  invalid: [{ name: 'a sink exists and tracing is on', design: { nodes: { a: 'service', o: 'observability' } }, finding: { targets: [] }, error: /already/ }],
});
