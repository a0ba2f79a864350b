import rule from './plaintext-service-traffic';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'TLS on', design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { tls: true }]] } },
    { name: 'a service mesh', design: { nodes: { a: 'service', b: 'service' }, edges: ['a -> b'], settings: { serviceMesh: true } } },
    { name: 'calls to external systems are their own concern', design: { nodes: { a: 'service', x: 'external' }, edges: ['a -> x'] } },
  ],
  invalid: [
    {
      name: 'plaintext call',
      design: { nodes: { a: 'service', b: 'service', gw: 'gateway' }, edges: ['a -> b', 'gw -> a'] },
      findings: [
        { targets: ['a:b', 'a', 'b'], severity: 'info', fixes: ['enable-tls', 'enable-service-mesh'] },
        { targets: ['gw:a', 'gw', 'a'] },
      ],
    },
  ],
});
