// Minimal designs for what the whole-project proof found: one case per defect, each naming the
// generator that owns it, so a failure points at one file. Cheap: each exports a tiny design and
// checks only the files the defect is about.
import { describe, expect, it } from 'vitest';
import { designSchema, type Design } from '@/lib/model';
import type { GeneratedFile } from '@/lib/generators';
import { exportProject } from './index';
import { ProjectChecker, summarize } from './test-support/checks';
import { diskTemplates } from './test-support/designs';

const templates = diskTemplates();
const pos = { x: 0, y: 0 };
const checker = new ProjectChecker();

function design(raw: Record<string, unknown>): Design {
  return designSchema.parse(raw);
}
function files(d: Design, targets: ('compose' | 'k8s' | 'do')[] = ['compose', 'k8s', 'do'], date = '2026-05-06'): GeneratedFile[] {
  return exportProject(d, { targets, date }, templates).files;
}
async function problems(all: GeneratedFile[], pick: (path: string) => boolean): Promise<string[]> {
  return summarize(await checker.check(all.filter((f) => pick(f.path))));
}

describe('defects found by the whole-project proof', { timeout: 60_000 }, () => {
  it('stacks/typescript: a DELETE endpoint on "/" compiles (the handler is not named `delete`, a reserved word)', async () => {
    const d = design({ nodes: [{ kind: 'service', id: 's', name: 'orders', stack: 'fastify', position: pos, endpoints: [{ id: 'e', method: 'DELETE', path: '/' }] }] });
    expect(await problems(files(d), (p) => p.endsWith('.ts'))).toEqual([]);
  });

  it('deploy/digitalocean: a one-letter service name still gives a valid App Platform component name (2–32 chars)', async () => {
    const d = design({ nodes: [{ kind: 'service', id: 's', name: 'x', stack: 'fastapi', position: pos }] });
    expect(await problems(files(d, ['do']), (p) => p === '.do/app.yaml')).toEqual([]);
  });

  it('escape.commentText: U+0085 (NEL) in the design name does not end a YAML comment for YAML 1.1 parsers (ci.yml, contracts, deploy headers)', async () => {
    const d = design({ name: 'Shop\u0085on: push', nodes: [{ kind: 'service', id: 's', name: 'orders', stack: 'fastapi', position: pos, endpoints: [{ id: 'e', method: 'POST', path: '/orders' }] }] });
    expect(await problems(files(d), (p) => /\.ya?ml$/.test(p))).toEqual([]);
  });

  it('contracts/yaml: U+2028/U+2029 in free text are never written raw into a plain YAML scalar (OpenAPI, AsyncAPI)', async () => {
    // Plain-scalar-friendly text (no `: `), kept out of the design name (header comments are the case above).
    const evil = 'Orders\u2028paths\u2029x';
    const d = design({
      nodes: [
        { kind: 'service', id: 's', name: 'orders', label: evil, description: evil, stack: 'fastapi', position: pos, endpoints: [{ id: 'e', method: 'POST', path: '/orders', summary: evil }] },
        { kind: 'service', id: 't', name: 'billing', stack: 'fastapi', position: pos },
        { kind: 'broker', id: 'b', name: 'bus', position: pos },
      ],
      edges: [
        { kind: 'publish', id: 'p', source: 's', target: 'b', topic: 'orders', event: 'OrderPlaced' },
        { kind: 'subscribe', id: 'q', source: 'b', target: 't', topic: 'orders', event: 'OrderPlaced' },
      ],
      events: [{ id: 'ev', name: 'OrderPlaced', description: evil, fields: [{ name: 'id', type: 'uuid', description: evil }] }],
    });
    expect(await problems(files(d), (p) => p.startsWith('contracts/') && /\.ya?ml$/.test(p))).toEqual([]);
  });

  it('stacks/typescript: a service label or description with tabs, leading or trailing spaces keeps the service README lint-clean', async () => {
    const text = '  Orders\tservice;  ';
    const d = design({ nodes: [{ kind: 'service', id: 's', name: 'orders', label: text, description: text, stack: 'fastify', position: pos, endpoints: [{ id: 'e', method: 'GET', path: '/orders', summary: text }] }] });
    expect(await problems(files(d), (p) => p.startsWith('services/') && p.endsWith('.md'))).toEqual([]);
  });

  it('stacks/python: the same text keeps the FastAPI service README lint-clean', async () => {
    const text = '  Orders\tservice;  ';
    const d = design({ nodes: [{ kind: 'service', id: 's', name: 'orders', label: text, description: text, stack: 'fastapi', position: pos, endpoints: [{ id: 'e', method: 'GET', path: '/orders', summary: text }] }] });
    expect(await problems(files(d), (p) => p.startsWith('services/') && p.endsWith('.md'))).toEqual([]);
  });

  it('contracts/event-contracts: a published ("frozen, never edit") event file does not change with the export date', () => {
    const fields = [{ name: 'id', type: 'uuid' }, { name: 'placedAt', type: 'datetime' }];
    const d = design({
      nodes: [{ kind: 'service', id: 's', name: 'orders', stack: 'fastify', position: pos }, { kind: 'broker', id: 'b', name: 'bus', position: pos }],
      edges: [{ kind: 'publish', id: 'p', source: 's', target: 'b', topic: 'orders', event: 'OrderPlaced' }],
      events: [{ id: 'ev', name: 'OrderPlaced', version: 1, fields, published: { fields } }],
    });
    const a = files(d, ['compose'], '2031-07-19').filter((f) => f.path.startsWith('contracts/events/src/'));
    const b = files(d, ['compose'], '2032-11-23').filter((f) => f.path.startsWith('contracts/events/src/'));
    const frozen = a.filter((f) => /PUBLISHED/.test(f.content));
    expect(frozen.length).toBeGreaterThan(0);
    for (const f of frozen) expect(b.find((x) => x.path === f.path)?.content, f.path).toBe(f.content);
  });
});
