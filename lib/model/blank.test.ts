import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankDesign, blankEdge, blankGroup, blankNode } from './blank';
import { createEdge, createNode, emptyDesign } from './defaults';
import { EDGE_KINDS, NODE_KINDS } from './kinds';
import { groupSchema } from './schema';

// Same fields, values and key order as the zod-made elements: saved files do not change with the path.
const same = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

describe('blank elements equal what the schema makes', () => {
  it.each(NODE_KINDS)('%s node', (kind) => {
    const taken = new Set(['service', 'db', 'gateway']);
    same(blankNode(kind, { id: 'n1', position: { x: 10, y: -4 }, taken }), createNode(kind, { id: 'n1', position: { x: 10, y: -4 }, taken }));
    same(blankNode(kind, { id: 'n2', name: 'Orders API' }), createNode(kind, { id: 'n2', name: 'Orders API' }));
    same(blankNode(kind, { id: 'n3', parentId: 'grp_1' }), createNode(kind, { id: 'n3', parentId: 'grp_1' }));
  });

  it.each(EDGE_KINDS)('%s edge', (kind) => {
    const s = { id: 'a', kind: 'service' as const };
    const t = { id: 'b', kind: 'database' as const };
    same(blankEdge(s, t, { kind, id: 'e1' }), createEdge(s, t, { kind, id: 'e1' }));
  });

  it.each(NODE_KINDS.flatMap((a) => NODE_KINDS.map((b) => [a, b] as const)))('edge kind inferred from %s → %s', (a, b) => {
    same(blankEdge({ id: 's', kind: a }, { id: 't', kind: b }, { id: 'e' }), createEdge({ id: 's', kind: a }, { id: 't', kind: b }, { id: 'e' }));
  });

  it('design', () => {
    same(blankDesign(), emptyDesign());
    same(blankDesign('Shop'), emptyDesign('Shop'));
  });

  it('group', () => {
    const g = { id: 'g1', name: 'Ordering', position: { x: -8, y: 3 }, size: { width: 300, height: 120 } };
    same(blankGroup(g), groupSchema.parse(g));
  });

  it('fresh ids, no shared objects between calls', () => {
    const a = blankNode('service');
    const b = blankNode('service');
    expect(a.id).not.toBe(b.id);
    a.healthCheck.liveness = false;
    a.position.x = 99;
    expect(b.healthCheck.liveness).toBe(true);
    expect(b.position.x).toBe(0);
    const e1 = blankEdge({ id: 'a', kind: 'service' }, { id: 'b', kind: 'service' });
    const e2 = blankEdge({ id: 'a', kind: 'service' }, { id: 'b', kind: 'service' });
    if (e1.kind !== 'call' || e2.kind !== 'call') throw new Error('expected calls');
    e1.circuitBreaker!.enabled = false;
    expect(e2.circuitBreaker!.enabled).toBe(true);
    const d1 = blankDesign();
    d1.settings.targets.push('do');
    expect(blankDesign().settings.targets).toEqual(['compose', 'k8s']);
  });
});

describe('the zod-free modules stay zod-free (the editor loads them before the schema)', () => {
  const runtimeImports = (file: string) =>
    [...readFileSync(path.join(__dirname, file), 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
  it.each(['blank.ts', 'kinds.ts', 'names.ts', 'version.ts', 'storedDesign.ts'])('%s', (file) => {
    for (const spec of runtimeImports(file)) expect(['./kinds', './names', './version', './migrations']).toContain(spec);
  });
});
