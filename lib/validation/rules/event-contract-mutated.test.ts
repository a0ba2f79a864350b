import rule from './event-contract-mutated';
import { testRule } from '../test-utils';

const published = { fields: [{ name: 'id', type: 'uuid' as const }, { name: 'total', type: 'number' as const }] };

testRule(rule, {
  valid: [
    { name: 'unchanged', design: { events: [{ id: 'e', name: 'OrderPlaced', version: 1, fields: published.fields, published }] } },
    { name: 'not published yet', design: { events: [{ id: 'e', name: 'OrderPlaced', version: 1, fields: [{ name: 'x' }] }] } },
    {
      name: 'optional addition when allowed',
      design: { events: [{ id: 'e', name: 'OrderPlaced', version: 1, fields: [...published.fields, { name: 'note', required: false }], published }] },
      options: { allowOptionalAdditions: true },
    },
    { name: 'V2 next to V1', design: { events: [{ id: 'e1', name: 'OrderPlaced', version: 1, fields: published.fields, published }, { id: 'e2', name: 'OrderPlaced', version: 2, fields: [{ name: 'id' }] }] } },
  ],
  invalid: [
    {
      name: 'type changed, field removed, field added',
      design: { events: [{ id: 'e', name: 'OrderPlaced', version: 1, fields: [{ name: 'id', type: 'string' as const }, { name: 'note', required: false }], published }] },
      findings: [{ targets: ['e'], severity: 'error', message: /id uuid→string, removed total, added note\): publish the change as v2/, fixes: ['bump-event-version'] }],
    },
    {
      name: 'a second definition of a published version',
      design: { events: [{ id: 'e1', name: 'OrderPlaced', version: 1, fields: published.fields, published }, { id: 'e2', name: 'OrderPlaced', version: 1, fields: [{ name: 'id', type: 'uuid' as const }] }] },
      findings: [{ targets: ['e2'], message: /removed total/ }],
    },
  ],
});
