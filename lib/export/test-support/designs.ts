// Test-only: designs for the whole-project proof. Starter designs from templates/designs, the
// templates from disk, and fast-check arbitraries for hostile and for structurally odd designs.
// Never imported by generator or export code (it reads the disk and uses dev dependencies).
import fc from 'fast-check';
import {
  BROKER_TECHS,
  CACHE_TECHS,
  CALL_PROTOCOLS,
  CLIENT_TECHS,
  DATA_ACCESS,
  DATABASE_TECHS,
  FIELD_TYPES,
  HTTP_METHODS,
  OBSERVABILITY_TECHS,
  PLATFORMS,
  SERVICE_STACKS,
  designSchema,
  type Design,
} from '@/lib/model';

export { diskTemplates, starterDesigns } from '@/lib/generators/test-support';

/**
 * The marker every hostile string carries. Mixed case on purpose: the identifier helpers
 * (pascal/camel/snake/constant case) can never reproduce it, so an identifier or shell word that
 * equals it can only come from raw user text that escaped its string.
 */
export const MARKER = 'xPWNx';

/**
 * Hostile fragments: each tries to end the string it lands in and run MARKER as code or a
 * command, or to start a new line / key / directive with it.
 */
export const HOSTILE: readonly string[] = [
  `"+${MARKER}()+"`,
  `'+${MARKER}()+'`,
  `\`+${MARKER}()+\``,
  `\${${MARKER}()}`,
  `$(${MARKER})`,
  `\`${MARKER}\``,
  `*/ ${MARKER}() /*`,
  `\n${MARKER}()\n`,
  `a\r\n${MARKER}() #`,
  `\u2028${MARKER}()\u2029`,
  `\u0085${MARKER}()`,
  `# ${MARKER}`,
  `{{${MARKER}}}`,
  `{${MARKER}}`,
  `%(${MARKER})s %s`,
  `: ${MARKER}`,
  `- ${MARKER}`,
  `&${MARKER} *${MARKER} !${MARKER} %${MARKER} @${MARKER}`,
  `? ${MARKER}\n: x`,
  `"""${MARKER}()"""`,
  `'''${MARKER}()'''`,
  `${MARKER} \\`,
  `\\`,
  `; ${MARKER}; `,
  `| ${MARKER} && ${MARKER} || ${MARKER}`,
  `'; DROP TABLE records; -- ${MARKER}`,
  `$$ ${MARKER} $$`,
  `</script><script>${MARKER}()</script>`,
  `\\n${MARKER}\\"`,
  `\t${MARKER}\u0000\u001b[31m`,
  `${MARKER}\nUSER root\nRUN ${MARKER}`,
  `${MARKER}; }\nlocation / { return 200 ${MARKER}; }`,
  `${MARKER}\n\t${MARKER}`,
  `$\{${MARKER}\} $$(${MARKER}) $${MARKER}`,
  `[x](javascript:${MARKER}) <${MARKER}>`,
  `Ünïcödé 🚀 ${MARKER}`,
  `${MARKER}${'é'.repeat(150)}`,
  ` `,
  `${MARKER}`,
];

/** Hostile text up to `max` characters (the schema's label limit is 200). */
export function hostileText(max = 200): fc.Arbitrary<string> {
  const one = fc.constantFrom(...HOSTILE);
  return fc
    .oneof({ arbitrary: one, weight: 4 }, { arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }).map((a) => a.join(' ')), weight: 2 }, { arbitrary: fc.string({ maxLength: 20 }).map((s) => `${s}${MARKER}`), weight: 1 })
    .map((s) => s.slice(0, max));
}
const text = hostileText();
const longText = fc.oneof(text, fc.constant(`${MARKER} `.repeat(1500)));
/** Free text the schema requires to be non-empty after trimming (event names, topics, reasons). */
const nonEmpty = text.map((t) => (t.trim() === '' ? `t${MARKER}` : t));
/** A path the schema accepts (starts with "/"). */
const pathText = text.map((t) => `/${t}`.slice(0, 200));
const dnsName = fc.constantFrom('orders', 'payments', 'message', 'package', 'public', 'a-b', 'a--b', '9lives', 'health', 'end', 'default', 'true', 'null', 'x', 'class', 'import', 'self', 'delete', `a${'-b'.repeat(31)}`);

/**
 * Random schema-valid designs whose free text is hostile: design name and description, labels,
 * descriptions, tags, owner teams, endpoints (paths, summaries), gateway routes, topics, event and
 * field names, operation paths, consumer groups, external URLs and technologies, group, view and
 * flow names, decisions, suppression reasons and every architecture-context field. Node names
 * repeat (the schema only requires DNS labels), stacks and targets vary.
 */
export const hostileDesignArb: fc.Arbitrary<Design> = fc
  .record({
    name: nonEmpty,
    description: longText,
    services: fc.array(
      fc.record({
        name: dnsName,
        label: fc.option(text, { nil: undefined }),
        description: text,
        tags: fc.array(text, { maxLength: 2 }),
        stack: fc.constantFrom(...SERVICE_STACKS),
        port: fc.constantFrom(3000, 8080, 80, 65535),
        replicas: fc.constantFrom(0, 1, 3),
        size: fc.constantFrom('small', 'medium', 'large'),
        ownerTeam: text,
        logging: fc.constantFrom('json', 'text', 'none'),
        tracing: fc.boolean(),
        health: fc.record({ liveness: fc.boolean(), readiness: fc.boolean() }),
        endpoints: fc.array(fc.record({ method: fc.constantFrom(...HTTP_METHODS), path: pathText, summary: text, idempotent: fc.boolean() }), { maxLength: 3 }),
        group: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    gateway: fc.option(fc.record({ label: text, routes: fc.array(fc.record({ path: pathText, target: fc.nat(5) }), { maxLength: 3 }), rate: fc.constantFrom(0, 100), tls: fc.boolean() }), { nil: undefined }),
    brokers: fc.array(fc.record({ technology: fc.constantFrom(...BROKER_TECHS), label: text, topics: fc.array(nonEmpty, { maxLength: 2 }) }), { maxLength: 2 }),
    stores: fc.array(fc.record({ kind: fc.constantFrom('database', 'database', 'cache'), owner: fc.option(fc.nat(5), { nil: undefined }), db: fc.constantFrom(...DATABASE_TECHS), cache: fc.constantFrom(...CACHE_TECHS), label: text }), { maxLength: 3 }),
    externals: fc.array(fc.record({ label: text, technology: text, url: fc.oneof(text, fc.constant(`https://u:p@evil.example/${MARKER}?q="'$(x)`)) }), { maxLength: 2 }),
    client: fc.option(fc.constantFrom(...CLIENT_TECHS), { nil: undefined }),
    observability: fc.array(fc.constantFrom(...OBSERVABILITY_TECHS), { maxLength: 2 }),
    calls: fc.array(
      fc.record({
        from: fc.nat(5),
        to: fc.nat(7),
        protocol: fc.constantFrom(...CALL_PROTOCOLS),
        label: fc.option(text, { nil: undefined }),
        description: text,
        operations: fc.array(fc.record({ method: fc.constantFrom(...HTTP_METHODS), path: nonEmpty }), { maxLength: 3 }),
        timeout: fc.option(fc.integer({ min: 1, max: 60_000 }), { nil: undefined }),
        retries: fc.integer({ min: 0, max: 3 }),
        breaker: fc.boolean(),
        idempotencyKey: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
    pubsub: fc.array(fc.record({ svc: fc.nat(5), broker: fc.nat(3), topic: nonEmpty, event: nonEmpty, version: fc.integer({ min: 1, max: 3 }), subscribe: fc.boolean(), group: fc.option(text, { nil: undefined }), label: fc.option(text, { nil: undefined }) }), { maxLength: 5 }),
    data: fc.array(fc.record({ svc: fc.nat(5), store: fc.nat(3), access: fc.constantFrom(...DATA_ACCESS) }), { maxLength: 4 }),
    events: fc.array(
      fc.record({
        name: nonEmpty,
        version: fc.integer({ min: 1, max: 3 }),
        description: text,
        fields: fc.array(fc.record({ name: nonEmpty, type: fc.constantFrom(...FIELD_TYPES), required: fc.boolean(), description: text }), { maxLength: 3 }),
        published: fc.option(fc.array(fc.record({ name: nonEmpty, type: fc.constantFrom(...FIELD_TYPES), required: fc.boolean() }), { maxLength: 2 }), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    decisions: fc.array(fc.record({ title: text, context: longText, decision: text, consequences: text, status: fc.constantFrom('proposed', 'accepted', 'superseded', 'deprecated', 'rejected'), date: fc.option(text.map((t) => t.slice(0, 32)), { nil: undefined }) }), { maxLength: 2 }),
    suppressions: fc.array(fc.record({ ruleId: nonEmpty, target: fc.nat(6), reason: nonEmpty }), { maxLength: 2 }),
    context: fc.option(
      fc.record({ domain: text, scale: text, latencySla: text, strongConsistency: text, eventualConsistency: text, compliance: text, teams: fc.option(fc.nat(20), { nil: undefined }), ownership: text, platform: fc.constantFrom(...PLATFORMS), rto: text, rpo: text }),
      { nil: undefined },
    ),
    groupName: nonEmpty,
    flowName: text,
    viewName: text,
    targets: fc.subarray(['compose', 'k8s', 'do'] as const),
  })
  .map((r) => {
    const pos = { x: 0, y: 0 };
    const svc = (i: number) => `s${i % r.services.length}`;
    const nodes: Record<string, unknown>[] = r.services.map((s, i) => ({
      kind: 'service',
      id: `s${i}`,
      name: s.name,
      label: s.label,
      description: s.description,
      tags: s.tags,
      stack: s.stack,
      port: s.port,
      replicas: s.replicas,
      size: s.size,
      ownerTeam: s.ownerTeam,
      logging: s.logging,
      tracing: s.tracing,
      healthCheck: s.health,
      position: pos,
      parentId: s.group ? 'g' : undefined,
      endpoints: s.endpoints.map((e, j) => ({ ...e, id: `ep${i}-${j}` })),
    }));
    if (r.gateway) nodes.push({ kind: 'gateway', id: 'gw', name: 'gateway', label: r.gateway.label, position: pos, rateLimitRps: r.gateway.rate, tls: r.gateway.tls, routes: r.gateway.routes.map((x, i) => ({ id: `r${i}`, path: x.path, target: svc(x.target) })) });
    r.brokers.forEach((b, i) => nodes.push({ kind: 'broker', id: `b${i}`, name: `bus-${i}`, label: b.label, technology: b.technology, topics: b.topics.map((name) => ({ name, partitions: 2, retentionHours: 1 })), position: pos }));
    r.stores.forEach((d, i) =>
      nodes.push({ kind: d.kind, id: `d${i}`, name: `store-${i}`, label: d.label, technology: d.kind === 'cache' ? d.cache : d.db, ownerId: d.owner === undefined ? undefined : svc(d.owner), position: pos }),
    );
    r.externals.forEach((x, i) => nodes.push({ kind: 'external', id: `x${i}`, name: `ext-${i}`, label: x.label, technology: x.technology, url: x.url, position: pos }));
    if (r.client) nodes.push({ kind: 'client', id: 'cl', name: 'client', technology: r.client, position: pos });
    r.observability.forEach((t, i) => nodes.push({ kind: 'observability', id: `o${i}`, name: `obs-${i}`, technology: t, position: pos }));
    const edges: Record<string, unknown>[] = [];
    if (r.client && r.gateway) edges.push({ kind: 'call', id: 'cl-gw', source: 'cl', target: 'gw', timeoutMs: 1000 });
    if (r.gateway) r.gateway.routes.forEach((x, i) => edges.push({ kind: 'call', id: `gw${i}`, source: 'gw', target: svc(x.target), timeoutMs: 2000 }));
    r.calls.forEach((c, i) =>
      edges.push({
        kind: 'call',
        id: `c${i}`,
        source: svc(c.from),
        target: c.to >= 6 && r.externals.length ? `x${c.to % r.externals.length}` : svc(c.to),
        protocol: c.protocol,
        label: c.label,
        description: c.description,
        operations: c.operations,
        timeoutMs: c.timeout,
        retries: c.retries,
        circuitBreaker: c.breaker ? { enabled: true } : undefined,
        idempotencyKey: c.idempotencyKey,
      }),
    );
    if (r.brokers.length) {
      r.pubsub.forEach((p, i) => {
        const b = `b${p.broker % r.brokers.length}`;
        edges.push(
          p.subscribe
            ? { kind: 'subscribe', id: `p${i}`, source: b, target: svc(p.svc), topic: p.topic, event: p.event, version: p.version, consumerGroup: p.group, label: p.label }
            : { kind: 'publish', id: `p${i}`, source: svc(p.svc), target: b, topic: p.topic, event: p.event, version: p.version, outbox: i % 2 === 0, label: p.label },
        );
      });
    }
    if (r.stores.length) r.data.forEach((d, i) => edges.push({ kind: 'data', id: `dt${i}`, source: svc(d.svc), target: `d${d.store % r.stores.length}`, access: d.access }));
    return designSchema.parse({
      name: r.name,
      description: r.description,
      nodes,
      edges,
      groups: [{ id: 'g', name: r.groupName, description: r.description.slice(0, 200), position: pos, size: { width: 100, height: 100 } }],
      views: [{ id: 'v', name: r.viewName, nodeIds: ['s0'] }],
      flows: edges.length ? [{ id: 'f', name: r.flowName, description: r.flowName, steps: [{ edgeId: String(edges[0].id), note: r.flowName }] }] : [],
      events: r.events.map((e, i) => ({ id: `ev${i}`, name: e.name, version: e.version, description: e.description, fields: e.fields, ...(e.published ? { published: { fields: e.published } } : {}) })),
      decisions: r.decisions.map((d, i) => ({ id: `adr${i}`, ...d })),
      context: r.context,
      settings: { targets: r.targets, suppressions: r.suppressions.map((s) => ({ ruleId: s.ruleId, targetId: s.target === 6 ? 'design' : svc(s.target), reason: s.reason })) },
    });
  });
