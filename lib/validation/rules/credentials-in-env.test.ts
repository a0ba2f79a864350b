import rule from './credentials-in-env';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'plain URL', design: { nodes: { stripe: ['external', { url: 'https://api.stripe.com/v1?region=eu' }] } } },
    { name: 'non-secret env', design: { nodes: { a: ['service', { env: { LOG_LEVEL: 'info', PORT: '3000' } }] } } },
  ],
  invalid: [
    {
      name: 'credentials in URLs',
      design: { nodes: { x: ['external', { url: 'https://user:pw@api.example.com' }], y: ['external', { url: 'https://api.example.com/v1?api_key=abc' }] } },
      findings: [{ targets: ['x'], message: /URL of x contains a credential/ }, { targets: ['y'] }],
    },
    {
      name: 'secrets in an imported env field',
      design: { nodes: { a: ['service', { env: { DB_PASSWORD: 'x', PORT: '1' } }], b: ['service', { environment: ['STRIPE_API_KEY=sk', 'MODE=x'] }] } },
      findings: [{ targets: ['a'], message: /DB_PASSWORD/ }, { targets: ['b'], message: /STRIPE_API_KEY/ }],
    },
  ],
});
