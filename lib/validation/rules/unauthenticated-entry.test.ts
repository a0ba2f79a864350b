import rule from './unauthenticated-entry';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [{ name: 'JWT (the default)', design: { nodes: { gw: 'gateway', m: ['gateway', { authentication: 'mtls' }] } } }],
  invalid: [
    {
      name: 'no authentication',
      design: { nodes: { gw: ['gateway', { authentication: 'none' }] } },
      findings: [{ targets: ['gw'], severity: 'warning', fixes: ['enable-gateway-auth'] }],
    },
  ],
});
