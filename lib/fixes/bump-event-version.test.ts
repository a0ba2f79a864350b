import { expect } from 'vitest';
import { testFix } from './test-utils';

const published = { fields: [{ name: 'id', type: 'uuid' as const }] };
const changed = [{ name: 'id', type: 'string' as const }, { name: 'total', type: 'number' as const }];

testFix('bump-event-version', {
  valid: [
    {
      name: 'the published version is restored and the change becomes v2',
      design: { nodes: { a: 'service' }, events: [{ id: 'ev', name: 'OrderPlaced', version: 1, ownerId: 'a', fields: changed, published }] },
      rule: 'event-contract-mutated',
      changes: { events: { added: 1, changed: { ev: ['fields'] } } },
      check: (after) => {
        expect(after.events[0]).toMatchObject({ id: 'ev', version: 1, fields: [{ name: 'id', type: 'uuid' }], published });
        expect(after.events[1]).toMatchObject({ name: 'OrderPlaced', version: 2, ownerId: 'a', fields: changed });
        expect(after.events[1].published).toBeUndefined();
      },
    },
    {
      name: 'a second definition of a published version becomes the next free version',
      design: {
        nodes: { a: 'service' },
        events: [
          { id: 'v1', name: 'E', version: 1, fields: published.fields, published },
          { id: 'v3', name: 'E', version: 3, fields: [] },
          { id: 'dup', name: 'E', version: 1, fields: changed },
        ],
      },
      rule: 'event-contract-mutated',
      changes: { events: { changed: { dup: ['version'] } } },
      check: (after) => expect(after.events[2]).toMatchObject({ id: 'dup', version: 4 }),
    },
  ],
  invalid: [
    { name: 'not an event', design: { nodes: { a: 'service' } }, finding: { targets: ['a'] }, error: /no event/ },
    { name: 'unchanged', design: { events: [{ id: 'ev', name: 'E', fields: published.fields, published }] }, finding: { targets: ['ev'] }, error: /still matches/ },
    { name: 'never published', design: { events: [{ id: 'ev', name: 'E', fields: [] }] }, finding: { targets: ['ev'] }, error: /not been published/ },
  ],
});
