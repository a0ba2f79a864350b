// Checks every event contract of {{projectTitle}}: examples validate, envelopes dispatch by
// type and version, required fields are enforced. Run: npm test
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENT_CONTRACTS, contractOf, parseEnvelope } from '../src/index.js';

const envelope = (type: string, version: number, data: unknown) => ({
  id: '00000000-0000-4000-8000-000000000001',
  type,
  version,
  source: 'contract-test',
  time: '2026-01-01T00:00:00.000Z',
  data,
});

test('every contract accepts its example', () => {
  for (const c of EVENT_CONTRACTS) {
    const result = c.data.safeParse(c.example);
    assert.equal(result.success, true, `${c.type} v${c.version}: ${result.success ? '' : result.error.message}`);
  }
});

test('envelopes parse and dispatch by type and version', () => {
  for (const c of EVENT_CONTRACTS) {
    assert.equal(contractOf(c.type, c.version), c);
    const parsed = parseEnvelope(envelope(c.type, c.version, c.example));
    assert.equal(parsed.contract, c);
  }
});

test('a missing required field is rejected', () => {
  for (const c of EVENT_CONTRACTS) {
    for (const field of c.required) {
      const data: Record<string, unknown> = { ...c.example };
      delete data[field];
      assert.equal(c.data.safeParse(data).success, false, `${c.type} v${c.version} without ${field}`);
    }
  }
});

test('type and version identify one contract', () => {
  const keys = EVENT_CONTRACTS.map((c) => `${c.type}\u0000${c.version}`);
  assert.equal(new Set(keys).size, keys.length);
});

test('unknown events and malformed envelopes are rejected', () => {
  assert.throws(() => parseEnvelope(envelope('\u0000no such event', 1, {})));
  assert.throws(() => parseEnvelope({ type: 'x' }));
});
