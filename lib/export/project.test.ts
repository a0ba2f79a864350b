// Whole-project proof (issue 4): every starter template × every stack (all NestJS, all Fastify,
// all FastAPI, and the template's own mix) × every target (compose, k8s, DigitalOcean), exported
// with every generator, and every file checked with the tool its format calls for. Determinism:
// the same input gives the same bytes, and a different date changes only the dated text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getGraph } from '@/lib/graph';
import type { Design } from '@/lib/model';
import { buildProject, GENERATORS, resolveOptions, type ExportOptions, type GeneratedFile, type ServiceStack } from '@/lib/generators';
import { exportProject, exportProjectZip, stackForAll } from './index';
import { ProjectChecker, fileRole, summarize, warmK8sChecker } from './test-support/checks';
import { diskTemplates, starterDesigns } from './test-support/designs';

const templates = diskTemplates();
const starters = starterDesigns();
const STACK_MODES = ['own', 'nestjs', 'fastify', 'fastapi'] as const;
type StackMode = (typeof STACK_MODES)[number];
const TARGETS: ExportOptions['targets'] = ['compose', 'k8s', 'do'];

/** Stacks whose service generator is registered. */
const IMPLEMENTED: Record<ServiceStack, boolean> = {
  nestjs: [...GENERATORS.keys()].some((id) => id.includes('nest')),
  fastify: [...GENERATORS.keys()].some((id) => id.includes('fastify')),
  fastapi: [...GENERATORS.keys()].some((id) => id.includes('fastapi')),
};

function partialFor(design: Design, mode: StackMode): Partial<ExportOptions> {
  return { targets: TARGETS, date: '2026-05-06', stacks: mode === 'own' ? {} : stackForAll(design, mode) };
}

describe('every starter template × stack × target', () => {
  const checker = new ProjectChecker({ nginx: true, make: true });
  const exported = new Map<string, GeneratedFile[]>();
  const started = performance.now();

  beforeAll(() => {
    warmK8sChecker();
    for (const { id, design } of starters) for (const mode of STACK_MODES) exported.set(`${id}/${mode}`, exportProject(design, partialFor(design, mode), templates).files);
  }, 120_000);

  afterAll(() => {
    const counts = [...checker.counts].sort().map(([role, n]) => `${role} ${checker.misses.get(role) ?? 0}/${n}`).join(', ');
    console.warn(`project matrix: ${exported.size} exports, distinct/all files checked by role: ${counts}; ${Math.round(performance.now() - started)} ms; ms by role: ${[...checker.timings].map(([r, t]) => `${r} ${Math.round(t)}`).join(', ')}`);
  });

  it('there are starters, and a generator for every stack', () => {
    expect(starters.length).toBeGreaterThanOrEqual(5);
    expect(IMPLEMENTED).toEqual({ nestjs: true, fastify: true, fastapi: true });
  });

  for (const { id, design } of starters) {
    it(`${id}: every file of every stack parses and validates`, async () => {
      const problems: string[] = [];
      for (const mode of STACK_MODES) problems.push(...(await checker.check(exported.get(`${id}/${mode}`)!)).map((p) => `[${mode}] ${p}`));
      expect(summarize(problems), id).toEqual([]);
    }, 120_000);

    it(`${id}: each target and option set emits its own files, and they validate too`, async () => {
      const only = (targets: ExportOptions['targets'], extra: Partial<ExportOptions> = {}) => exportProject(design, { date: '2026-05-06', targets, ...extra }, templates).files;
      const compose = only(['compose']);
      const k8s = only(['k8s']);
      const doOnly = only(['do']);
      expect(compose.some((f) => f.path === 'docker-compose.yml')).toBe(true);
      expect(compose.some((f) => f.path.startsWith('k8s/') || f.path === '.do/app.yaml')).toBe(false);
      expect(k8s.some((f) => f.path.startsWith('k8s/'))).toBe(true);
      expect(k8s.some((f) => f.path === 'docker-compose.yml' || f.path === '.do/app.yaml')).toBe(false);
      expect(doOnly.some((f) => f.path === '.do/app.yaml')).toBe(true);
      expect(doOnly.some((f) => f.path === 'docker-compose.yml' || f.path.startsWith('k8s/'))).toBe(false);
      const bare = only([], { observability: false, ci: false, gateway: false });
      expect(bare.some((f) => f.path.startsWith('observability/') || f.path.startsWith('.github/') || f.path.startsWith('gateway/'))).toBe(false);
      // Deployment files are the full export's (checked above); what differs per target is docs, Makefile and CI.
      const problems: string[] = [];
      for (const [what, files] of [['compose', compose], ['bare', bare]] as const) problems.push(...(await checker.check(files)).map((p) => `[${what}] ${p}`));
      expect(summarize(problems), id).toEqual([]);
    }, 120_000);

    it(`${id}: every service gets code, unit tests, a README and a Dockerfile (checked above: multi-stage, non-root, HEALTHCHECK)`, () => {
      for (const mode of STACK_MODES) {
        const files = new Set(exported.get(`${id}/${mode}`)!.map((f) => f.path));
        const project = buildProject(design, getGraph(design), resolveOptions(design, partialFor(design, mode)));
        for (const svc of project.services) {
          const dir = `services/${svc.name}`;
          for (const f of ['Dockerfile', 'README.md', '.dockerignore']) expect(files.has(`${dir}/${f}`), `${id}/${mode}: ${dir}/${f} (${svc.stack})`).toBe(true);
          expect([...files].some((p) => p.startsWith(`${dir}/`) && /\.(ts|py)$/.test(p) && /(^|\/)tests?\//.test(p)), `${id}/${mode}: ${dir} has unit tests`).toBe(true);
          if (svc.primaryDatabase?.technology === 'postgres') expect([...files].some((p) => p.startsWith(`${dir}/migrations/`) && p.endsWith('.sql')), `${dir} migrations`).toBe(true);
        }
      }
    });
  }

  it('the matrix exercised every checker (each tool ran on real files)', () => {
    for (const role of ['compose', 'k8s', 'kustomization', 'do', 'openapi', 'asyncapi', 'workflow', 'json', 'yaml', 'dockerfile', 'makefile', 'nginx', 'md', 'ts', 'py', 'sql']) {
      expect(checker.counts.get(role) ?? 0, role).toBeGreaterThan(0);
    }
  });
});

describe('determinism', () => {
  const { design } = starters.find((s) => s.id === 'ecommerce') ?? starters[0];

  it('the same design and options give the same files and the same zip, for every stack', async () => {
    for (const mode of STACK_MODES) {
      const a = exportProject(design, partialFor(design, mode), templates).files;
      const b = exportProject(structuredClone(design), partialFor(design, mode), templates).files;
      expect(b).toEqual(a);
    }
    const z1 = await exportProjectZip(design, partialFor(design, 'own'), templates);
    const z2 = await exportProjectZip(design, partialFor(design, 'own'), templates);
    expect(Buffer.from(z1.zip).equals(Buffer.from(z2.zip))).toBe(true);
  });

  it('a different date changes only the dated text: same paths, and each file is the other with the date swapped', () => {
    for (const { id, design: d } of starters) {
      const a = exportProject(d, { targets: TARGETS, date: '2031-07-19' }, templates).files;
      const b = exportProject(d, { targets: TARGETS, date: '2032-11-23' }, templates).files;
      expect(b.map((f) => f.path), id).toEqual(a.map((f) => f.path));
      const dated: string[] = [];
      a.forEach((f, i) => {
        if (f.content !== b[i].content) dated.push(f.path);
        expect(f.content.replaceAll('2031-07-19', '2032-11-23'), `${id} ${f.path}`).toBe(b[i].content);
        expect(f.executable ?? false).toBe(b[i].executable ?? false);
      });
      // Only documents and example values of event contracts carry the date, never code or deployment files.
      for (const p of dated) expect(fileRole(p) === 'md' || fileRole(p) === 'other' || p.startsWith('contracts/events/src/'), `${id}: ${p} is dated`).toBe(true);
    }
  });

  it('the set of paths does not depend on the order of nodes, edges and events in the file', () => {
    const reversed = { ...design, nodes: [...design.nodes].reverse(), edges: [...design.edges].reverse(), events: [...design.events].reverse() };
    const a = exportProject(design, partialFor(design, 'own'), templates).files.map((f) => f.path);
    const b = exportProject(reversed, partialFor(design, 'own'), templates).files.map((f) => f.path);
    expect(b).toEqual(a);
  });
});
