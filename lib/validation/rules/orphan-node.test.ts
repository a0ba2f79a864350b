import rule from './orphan-node';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    {
      name: 'everything connected',
      design: {
        nodes: { a: 'service', b: 'service', db: 'database', q: ['broker', { topics: [{ name: 'events' }] }], x: 'external' },
        edges: ['a -> db', 'a -> q', 'q -> b', 'b -> x'],
        events: [{ id: 'ev', name: 'SomethingHappened', version: 1 }],
      },
    },
  ],
  invalid: [
    {
      name: 'unused stores, broker and external',
      design: { nodes: { db: 'database', k: 'cache', q: 'broker', x: 'external' } },
      findings: [
        { targets: ['db'], message: /Database db/, fixes: ['remove-element'] },
        { targets: ['k'], message: /Cache k/ },
        { targets: ['q'], message: /Broker q has no publishers/ },
        { targets: ['x'], message: /External system x/ },
      ],
    },
    {
      name: 'unused topic and unconsumed events',
      design: {
        nodes: { a: 'service', q: ['broker', { topics: [{ name: 'events' }, { name: 'unused' }, { name: 'unused' }] }] },
        edges: ['a -> q'],
        events: [{ id: 'ev-other', name: 'Other', version: 1 }],
      },
      findings: [
        { targets: ['q'], message: /Topic unused on q/ },
        { targets: ['a:q'], message: /SomethingHappened v1 is published but nobody/ },
        { targets: ['ev-other'], message: /Event Other v1 is not consumed/ },
      ],
    },
  ],
});
