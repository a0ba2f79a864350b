import type { CallEdge, SubscribeEdge } from '@/lib/model';
import { EDGE_FLAG, NODE_FLAG, NODE_KIND_CODE } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type Finding, type FindingInput } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { dedupe: DEDUPE, idempotencyKey: IDEMPOTENCY_KEY } = EDGE_FLAG;
const { idempotentEndpoint: IDEMPOTENT_ENDPOINT } = NODE_FLAG;
const { service: SERVICE } = NODE_KIND_CODE;

// PUT, DELETE and GET are idempotent by definition (RFC 9110 §9.2.2); these are not.
const UNSAFE = new Set(['POST', 'PATCH']);
const NONE: ReadonlySet<string> = new Set();
const RETRY_FIXES: FindingInput['fixes'] = ['add-idempotency-key', 'remove-retries'];
const DEDUPE_FIXES: FindingInput['fixes'] = ['enable-consumer-dedupe'];

export default defineRule({
  meta: {
    id: 'non-idempotent-retry',
    title: 'Retries on non-idempotent operations',
    category: 'resilience',
    defaultSeverity: 'error',
    description:
      'A retried POST or PATCH whose first attempt actually succeeded runs twice: double charges, duplicate orders. Brokers redeliver messages the same way, so a consumer that does not deduplicate processes some events twice.',
    fix: 'Send an idempotency key the target stores and checks (or mark the endpoint idempotent if it already is), or stop retrying the call. Make consumers remember processed message ids.',
    references: [REF.idempotencyKey, REF.idempotentConsumer, REF.skill],
  },
  check(ctx) {
    const { graph } = ctx;
    const out: Finding[] = [];
    const nodes = graph.nodeList;
    // Idempotent endpoints per target service, built on first use. Most services declare no
    // endpoints at all: they skip the map entirely (at 10,000 nodes a map entry per target is
    // a large share of this rule's allocations).
    let safeEndpoints: Map<number, ReadonlySet<string>> | undefined;
    // The graph's flags say which calls have unsafe operations and which services declare an
    // idempotent endpoint, so most edges and targets are never read from the design objects.
    const nodeFlags = graph.nodeFacts.flags;
    const safeOn = (target: number): ReadonlySet<string> => {
      if ((nodeFlags[target] & IDEMPOTENT_ENDPOINT) === 0) return NONE;
      const node = nodes[target].node;
      if (node.kind !== 'service') return NONE;
      let set = (safeEndpoints ??= new Map()).get(target);
      if (!set) {
        const eps = node.endpoints.filter((ep) => ep.idempotent);
        set = eps.length === 0 ? NONE : new Set(eps.map((ep) => `${ep.method} ${ep.path}`));
        safeEndpoints.set(target, set);
      }
      return set;
    };
    // The message after the label depends on the operations and the retry count only: built
    // once per pair, so a finding adds one string node.
    const tails = new Map<string, Map<number, string>>();
    const tailFor = (ops: string, retries: number): string => {
      let byRetries = tails.get(ops);
      if (!byRetries) tails.set(ops, (byRetries = new Map()));
      let tail = byRetries.get(retries);
      if (tail === undefined) byRetries.set(retries, (tail = ` retries ${retries}× on ${ops} without an idempotency key: a retry after a lost response repeats the write.`));
      return tail;
    };
    // Merge calls and subscriptions by edge index so findings stay in design order.
    const f = graph.edgeFacts;
    const kind = graph.nodeFacts.kind;
    const calls = f.byKind.call;
    const subs = f.byKind.subscribe;
    for (let a = 0, b = 0; a < calls.length || b < subs.length; ) {
      if (b < subs.length && (a >= calls.length || subs[b] < calls[a])) {
        const i = subs[b++];
        if (f.flags[i] & DEDUPE || kind[f.target[i]] !== SERVICE) continue;
        const edge = graph.designEdges[i] as SubscribeEdge;
        const consumer = nodes[f.target[i]];
        const broker = nodes[f.source[i]];
        out.push(
          ctx.newFinding(
            `${consumer.name} consumes ${edge.event} v${edge.version} from ${broker.name} without deduplication: redelivered messages are processed twice.`,
            [edge.id, consumer.id, broker.id],
            DEDUPE_FIXES,
          ),
        );
        continue;
      }
      const i = calls[a++];
      if (f.retries[i] === 0 || f.flags[i] & IDEMPOTENCY_KEY || f.unsafeOperations[i] === 0) continue;
      const ops = (graph.designEdges[i] as CallEdge).operations;
      // The unsafe operations as "METHOD path"; a list only from the second one (most calls
      // carry a single operation).
      let first: string | undefined;
      let more: string[] | undefined;
      for (let k = 0; k < ops.length; k++) {
        const op = ops[k];
        if (!UNSAFE.has(op.method)) continue;
        const safe = safeOn(f.target[i]);
        const key = `${op.method} ${op.path}`;
        if (safe !== NONE && safe.has(key)) continue;
        if (first === undefined) first = key;
        else (more ??= [first]).push(key);
      }
      if (first === undefined) continue;
      out.push(
        ctx.newFinding(ctx.edgeLabelAt(i) + tailFor(more ? ctx.list(more, 3) : first, f.retries[i]), ctx.edgeTargetsAt(i), RETRY_FIXES),
      );
    }
    return out;
  },
});
