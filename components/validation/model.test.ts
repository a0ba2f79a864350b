import { describe, expect, it } from 'vitest';
import { createEdge, createNode, emptyDesign, eventSchema, groupSchema, type Design } from '@/lib/model';
import type { Finding } from '@/lib/validation';
import {
  buildMarks,
  countFindings,
  countsText,
  DEFAULT_FILTER,
  describeTargets,
  flatKeys,
  groupProblems,
  keyFindings,
  keySuppressed,
  selectionFor,
  stepKey,
  type RowContext,
} from './model';

const f = (ruleId: string, severity: Finding['severity'], targets: string[], message = `${ruleId} on ${targets.join(',')}`): Finding => ({ ruleId, severity, targets, message });

function design(): Design {
  const d = emptyDesign();
  const a = createNode('service', { id: 'a', name: 'orders', position: { x: 0, y: 0 } });
  const b = createNode('service', { id: 'b', name: 'billing', position: { x: 0, y: 0 } });
  const db = createNode('database', { id: 'db', name: 'db', position: { x: 0, y: 0 } });
  const e = createEdge(a, db, { id: 'e1' });
  return { ...d, nodes: [a, b, db], edges: [e], groups: [groupSchema.parse({ id: 'g', name: 'Sales', position: { x: 0, y: 0 }, size: { width: 100, height: 100 } })] };
}

describe('marks', () => {
  it('marks primary targets with the worst severity, the count and the messages', () => {
    const marks = buildMarks([f('x', 'warning', ['a', 'b']), f('y', 'error', ['a']), f('z', 'info', ['b'])]);
    expect(marks.get('a')).toMatchObject({ severity: 'error', count: 2, label: '2 problems: 1 error, 1 warning' });
    expect(marks.get('a')!.title.split('\n')).toEqual(['• y on a', '• x on a,b']);
    expect(marks.get('b')).toMatchObject({ severity: 'info', count: 1, title: 'z on b' });
    expect(marks.has('db')).toBe(false);
  });

  it('keeps the identity of unchanged marks, and of the map when nothing changed', () => {
    const first = buildMarks([f('x', 'warning', ['a']), f('y', 'error', ['b'])]);
    const same = buildMarks([f('x', 'warning', ['a']), f('y', 'error', ['b'])], first);
    expect(same).toBe(first);
    const next = buildMarks([f('x', 'warning', ['a']), f('y', 'warning', ['b'])], first);
    expect(next).not.toBe(first);
    expect(next.get('a')).toBe(first.get('a'));
    expect(next.get('b')).not.toBe(first.get('b'));
    expect(buildMarks([f('x', 'warning', ['a'])], first).has('b')).toBe(false);
  });

  it('caps the tooltip at a few lines', () => {
    const many = Array.from({ length: 12 }, (_, i) => f(`r${i}`, 'info', ['a']));
    const title = buildMarks(many).get('a')!.title.split('\n');
    expect(title).toHaveLength(9);
    expect(title[8]).toMatch(/4 more/);
  });
});

describe('counts and keys', () => {
  it('counts per severity and words them', () => {
    const c = countFindings([f('x', 'error', []), f('y', 'warning', []), f('z', 'warning', [])]);
    expect(c).toEqual({ error: 1, warning: 2, info: 0 });
    expect(countsText(c)).toBe('1 error, 2 warnings');
    expect(countsText(c, true)).toBe('1 error, 2 warnings, 0 info');
    expect(countsText({ error: 0, warning: 0, info: 0 })).toBe('no problems');
  });

  it('gives stable, unique keys; suppressed ones are prefixed and carry the reason', () => {
    const a = f('x', 'error', ['a']);
    const keys = keyFindings([a, { ...a }, f('x', 'error', ['b'])]).map((k) => k.key);
    expect(new Set(keys).size).toBe(3);
    expect(keyFindings([a])[0].key).toBe(keys[0]);
    const s = keySuppressed([{ finding: a, suppression: { ruleId: 'x', targetId: 'a', reason: 'ok' } }]);
    expect(s[0]).toMatchObject({ key: `s:${keys[0]}`, reason: 'ok' });
  });
});

describe('element names', () => {
  it('names nodes, edges, groups, events and missing ids', () => {
    const d = design();
    d.events = [eventSchema.parse({ id: 'ev', name: 'OrderPlaced', version: 2 })];
    const names = describeTargets(d, [f('x', 'error', ['a', 'e1', 'g', 'ev', 'gone'])]);
    expect(names.get('a')).toEqual({ name: 'orders', type: 'node' });
    expect(names.get('e1')).toEqual({ name: 'orders → db', type: 'edge' });
    expect(names.get('g')).toEqual({ name: 'Sales', type: 'group' });
    expect(names.get('ev')).toEqual({ name: 'OrderPlaced v2', type: 'event' });
    expect(names.get('gone')).toEqual({ name: 'gone', type: 'missing' });
  });

  it('selects only what is on the canvas', () => {
    expect(selectionFor(design(), ['db', 'e1', 'g', 'ev', 'gone'])).toEqual({ nodes: ['db'], edges: ['e1'], groups: ['g'] });
  });
});

describe('panel rows', () => {
  const d = design();
  const findings = keyFindings([f('shared-database', 'error', ['db', 'a', 'b']), f('no-tracing', 'warning', []), f('missing-health-check', 'warning', ['a']), f('nanoservice', 'info', ['b'])]);
  const ctx: RowContext = { elements: describeTargets(d, findings.map((k) => k.finding)), ruleTitle: (id) => (id === 'shared-database' ? 'Shared database' : undefined) };

  it('groups by rule in the engine order', () => {
    const groups = groupProblems(findings, DEFAULT_FILTER, 'rule', ctx);
    expect(groups.map((g) => [g.id, g.title, g.items.length])).toEqual([
      ['shared-database', 'Shared database', 1],
      ['no-tracing', 'no-tracing', 1],
      ['missing-health-check', 'missing-health-check', 1],
      ['nanoservice', 'nanoservice', 1],
    ]);
  });

  it('groups by element, design-wide findings first', () => {
    const groups = groupProblems(findings, DEFAULT_FILTER, 'element', ctx);
    expect(groups.map((g) => [g.id, g.title])).toEqual([
      ['', 'Whole design'],
      ['db', 'db'],
      ['a', 'orders'],
      ['b', 'billing'],
    ]);
  });

  it('filters by severity and by words in the message, rule, title or element names', () => {
    const only = (severities: Partial<Record<Finding['severity'], boolean>>, text = '') =>
      flatKeys(groupProblems(findings, { severities: { error: false, warning: false, info: false, ...severities }, text }, 'rule', ctx)).length;
    expect(only({ error: true })).toBe(1);
    expect(only({ warning: true, info: true })).toBe(3);
    expect(only({ error: true, warning: true, info: true }, 'billing')).toBe(2);
    expect(only({ error: true, warning: true, info: true }, 'SHARED data')).toBe(1);
    expect(only({ error: true, warning: true, info: true }, 'nothing-like-this')).toBe(0);
  });

  it('steps forward and back with wrap-around', () => {
    const keys = ['a', 'b', 'c'];
    expect(stepKey(keys, null, 1)).toBe('a');
    expect(stepKey(keys, null, -1)).toBe('c');
    expect(stepKey(keys, 'c', 1)).toBe('a');
    expect(stepKey(keys, 'a', -1)).toBe('c');
    expect(stepKey(keys, 'gone', 1)).toBe('a');
    expect(stepKey([], 'a', 1)).toBeNull();
  });
});
