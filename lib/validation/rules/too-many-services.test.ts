import rule from './too-many-services';
import { testRule } from '../test-utils';
import type { NodeSpec } from '@/lib/graph/test-utils';

const services = (n: number): Record<string, NodeSpec> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`s${i}`, 'service' as const]));

testRule(rule, {
  valid: [
    { name: 'exactly 15', design: { nodes: services(15) } },
    { name: 'threshold raised', design: { nodes: services(20) }, options: { max: 20 } },
  ],
  invalid: [
    { name: '16 services', design: { nodes: services(16) }, findings: [{ targets: [], message: /16 services \(more than 15\)/ }] },
    { name: 'threshold lowered', design: { nodes: services(4) }, options: { max: 3 }, findings: [{ message: /4 services/ }] },
  ],
});
