import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('add-timeout', {
  valid: [
    {
      name: 'a call without a timeout gets 2000 ms',
      design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { timeoutMs: undefined }]] },
      rule: 'missing-timeout',
      changes: { edges: { changed: { 'a:b': ['timeoutMs'] } } },
      check: (after, result) => {
        expect(after.edges[0]).toMatchObject({ timeoutMs: 2000 });
        expect(result.select).toEqual({ edges: ['a:b'] });
      },
    },
    {
      name: 'a timeout above the rule’s maximum is lowered; other calls stay as they are',
      design: { nodes: { a: 'service', b: 'service', c: 'service' }, edges: [['a -> b', { timeoutMs: 60_000 }], ['a -> c', { timeoutMs: undefined }]] },
      rule: 'missing-timeout',
      primary: 'a:b',
      changes: { edges: { changed: { 'a:b': ['timeoutMs'] } } },
    },
    {
      name: 'a stricter configured maximum wins over the default',
      design: {
        nodes: { a: 'service', b: 'service' },
        edges: [['a -> b', { timeoutMs: undefined }]],
        settings: { rules: { 'missing-timeout': { options: { maxTimeoutMs: 500 } } } },
      },
      rule: 'missing-timeout',
      changes: { edges: { changed: { 'a:b': ['timeoutMs'] } } },
      check: (after) => expect(after.edges[0]).toMatchObject({ timeoutMs: 500 }),
    },
  ],
  invalid: [
    { name: 'no call in the finding', design: { nodes: { a: 'service' } }, finding: { targets: ['a'] }, error: /no call/ },
    { name: 'the call is gone', design: { nodes: { a: 'service' } }, finding: { targets: ['a:b'] }, error: /no call/ },
    { name: 'the call already has a short timeout', design: { nodes: { a: 'service', b: 'service' }, edges: ['a -> b'] }, finding: { targets: ['a:b'] }, error: /already fixed/ },
  ],
});
