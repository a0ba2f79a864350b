// Property tests over whole exports (issue 4, "no name reaches YAML, shell, Dockerfile, nginx or
// code unescaped"): random schema-valid designs whose every free-text field is hostile still
// export files that all parse and validate, and the marker those strings carry never turns into
// code, a command, a directive or a key. And exportProject never throws on a schema-valid design.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { designSchema, SERVICE_STACKS, type Design } from '@/lib/model';
import { designArb as junkDesignArb, plausibleDesignArb } from '@/lib/validation/test-arbitraries';
import { hostileDesign as tsHostileDesign } from '@/lib/generators/stacks/typescript/hostile-design';
import { hostileDesign as pyHostileDesign } from '@/lib/generators/stacks/python/test-designs';
import type { ExportOptions } from '@/lib/generators';
import { exportProject, stackForAll } from './index';
import { ProjectChecker, checkPaths, summarize, warmK8sChecker } from './test-support/checks';
import { MARKER, diskTemplates, hostileDesignArb } from './test-support/designs';

const templates = diskTemplates();
const RUNS = Number(process.env.FC_RUNS ?? 8);
const ALL_TARGETS: ExportOptions['targets'] = ['compose', 'k8s', 'do'];

describe('hostile free text, whole project', () => {
  const checker = new ProjectChecker({ marker: MARKER, nginx: true });

  it('the hostile design generator yields schema-valid designs that carry the marker', () => {
    for (const d of fc.sample(hostileDesignArb, { numRuns: 20, seed: 7 })) {
      expect(designSchema.safeParse(d).success).toBe(true);
      expect(JSON.stringify(d)).toContain(MARKER);
    }
  });

  it('every file parses and validates, and the marker stays inside strings and comments', async () => {
    warmK8sChecker();
    // Every run is checked and every problem reported (not just the first failing design), so one
    // failure shows each generator's defects at once. FC_SEED replays a run; FC_RUNS sets the count.
    const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
    const modeArb = fc.constantFrom<'own' | (typeof SERVICE_STACKS)[number]>('own', ...SERVICE_STACKS);
    const problems: string[] = [];
    for (const [i, [design, mode]] of fc.sample(fc.tuple(hostileDesignArb, modeArb), { numRuns: RUNS, seed }).entries()) {
      let files;
      try {
        files = exportProject(design, { targets: ALL_TARGETS, date: '2026-05-06', stacks: mode === 'own' ? {} : stackForAll(design, mode) }, templates).files;
      } catch (e) {
        problems.push(`design ${i} (${mode}): export threw ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      problems.push(...(await checker.check(files)).map((p) => `[${mode}] ${p}`));
    }
    expect(summarize(problems, 60), `FC_SEED=${seed} FC_RUNS=${RUNS}`).toEqual([]);
  }, 300_000);

  it('the stack owners\' hand-written hostile designs export and validate as whole projects', async () => {
    const designs: [string, Design][] = [
      ['typescript hostile design', tsHostileDesign()],
      ['python hostile design', pyHostileDesign()],
    ];
    for (const [what, design] of designs) {
      for (const mode of ['own', ...SERVICE_STACKS] as const) {
        const { files } = exportProject(design, { targets: ALL_TARGETS, date: '2026-05-06', stacks: mode === 'own' ? {} : stackForAll(design, mode) }, templates);
        // Their markers differ from ours: check structure and syntax (no marker search).
        expect(summarize(await new ProjectChecker().check(files)), `${what} with ${mode} stacks`).toEqual([]);
      }
    }
  }, 300_000);
});

describe('exportProject never throws on a schema-valid design', () => {
  const optionsArb = fc.record({
    targets: fc.subarray([...ALL_TARGETS]),
    observability: fc.boolean(),
    ci: fc.boolean(),
    gateway: fc.boolean(),
    stack: fc.constantFrom<'own' | (typeof SERVICE_STACKS)[number]>('own', ...SERVICE_STACKS),
  });
  type Opts = typeof optionsArb extends fc.Arbitrary<infer T> ? T : never;
  const run = (design: Design, o: Opts) => {
    const { files } = exportProject(design, { targets: o.targets, observability: o.observability, ci: o.ci, gateway: o.gateway, date: '2026-05-06', stacks: o.stack === 'own' ? {} : stackForAll(design, o.stack) }, templates);
    expect(files.length).toBeGreaterThan(0);
    return files;
  };

  it('edge cases: empty, only infrastructure, duplicate names, dangling edges, self-loops, 0 replicas', () => {
    const pos = { x: 0, y: 0 };
    const cases: Record<string, unknown> = {
      empty: {},
      'only infrastructure': { nodes: [{ kind: 'database', id: 'd', name: 'db', position: pos }, { kind: 'broker', id: 'b', name: 'bus', position: pos }, { kind: 'cache', id: 'c', name: 'cache', position: pos }, { kind: 'observability', id: 'o', name: 'otel', position: pos }] },
      'only a gateway and a client': { nodes: [{ kind: 'gateway', id: 'g', name: 'gw', position: pos, routes: [{ id: 'r', path: '/x', target: 'nowhere' }] }, { kind: 'client', id: 'c', name: 'web', position: pos }], edges: [{ kind: 'call', id: 'e', source: 'c', target: 'g' }] },
      'duplicate names and ids': {
        nodes: [
          { kind: 'service', id: 's', name: 'orders', position: pos },
          { kind: 'service', id: 's', name: 'orders', position: pos, stack: 'fastapi' },
          { kind: 'database', id: 'd', name: 'orders', position: pos, ownerId: 's' },
          { kind: 'broker', id: 'b', name: 'orders', position: pos },
        ],
        edges: [{ kind: 'publish', id: 'p', source: 's', target: 'b', topic: 't', event: 'E' }, { kind: 'publish', id: 'p', source: 's', target: 'b', topic: 't', event: 'E' }],
        events: [{ id: 'ev', name: 'E' }, { id: 'ev', name: 'E' }],
      },
      'dangling edges and self-loops': {
        nodes: [{ kind: 'service', id: 's', name: 'a', position: pos, replicas: 0 }],
        edges: [
          { kind: 'call', id: 'c1', source: 's', target: 's', protocol: 'grpc', operations: [{ path: 'x.v1.Y/Z' }] },
          { kind: 'call', id: 'c2', source: 's', target: 'ghost' },
          { kind: 'data', id: 'd1', source: 'ghost', target: 's' },
          { kind: 'subscribe', id: 's1', source: 's', target: 's', topic: 't', event: 'E' },
          { kind: 'publish', id: 'p1', source: 's', target: 's', topic: 't', event: 'E' },
        ],
        settings: { suppressions: [{ ruleId: 'x', targetId: 'ghost', reason: 'because' }] },
      },
      '0 replicas and every size': { nodes: ['small', 'medium', 'large'].map((size, i) => ({ kind: 'service', id: `s${i}`, name: `s${i}`, position: pos, replicas: 0, size, stack: SERVICE_STACKS[i] })) },
      'a database owned by a missing service, a cache owned by a database': {
        nodes: [
          { kind: 'database', id: 'd', name: 'db', position: pos, ownerId: 'ghost', technology: 'mysql' },
          { kind: 'cache', id: 'c', name: 'c', position: pos, ownerId: 'd', technology: 'memcached' },
          { kind: 'service', id: 's', name: 's', position: pos },
        ],
        edges: [{ kind: 'data', id: 'e', source: 's', target: 'c' }, { kind: 'data', id: 'e2', source: 's', target: 'd', access: 'read' }],
      },
      'services named like infrastructure': {
        nodes: ['postgres', 'rabbitmq', 'otel-collector', 'prometheus', 'grafana', 'gateway', 'kafka', 'redis'].map((name, i) => ({ kind: 'service', id: `s${i}`, name, position: pos, port: 5432 })),
      },
    };
    for (const [what, raw] of Object.entries(cases)) {
      const design = designSchema.parse(raw);
      for (const stack of ['own', ...SERVICE_STACKS] as const) {
        for (const targets of [[], ALL_TARGETS] as ExportOptions['targets'][]) {
          expect(() => run(design, { targets, observability: targets.length > 0, ci: true, gateway: true, stack }), `${what} / ${stack} / ${targets.join(',')}`).not.toThrow();
        }
      }
    }
  });

  it('random structurally odd designs (duplicate ids, dangling edges, self-loops, junk settings)', () => {
    fc.assert(
      fc.property(junkDesignArb, optionsArb, (design, o) => {
        run(design, o);
      }),
      { numRuns: Number(process.env.FC_RUNS_THROW ?? 60) },
    );
  }, 300_000);

  it('random plausible designs export files whose paths are safe and unique', () => {
    fc.assert(
      fc.property(plausibleDesignArb, optionsArb, (design, o) => {
        // Paths only here (cheap): full validation of random designs is the hostile test's job.
        expect(checkPaths(run(design, o))).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS_THROW ?? 30) },
    );
  }, 300_000);
});
