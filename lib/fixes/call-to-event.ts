import { buildGraph, type EdgeEntry } from '@/lib/graph';
import type { CallEdge, Design } from '@/lib/model';
import { edgeLabel, joinNames, pascal, sendViaBroker } from './shared';
import { defineFix, type FixContext } from './types';

// Rebuilding the graph after each conversion is bounded: designs whose problem needs more
// conversions than this get the ones made so far and a summary that says so.
const MAX_ROUNDS = 25;

/** Only a service can publish and only a service can consume: other calls stay calls. */
function convertible(e: { source: { kind: string }; target: { kind: string } }): boolean {
  return e.source.kind === 'service' && e.target.kind === 'service' && e.source !== e.target;
}

/** The event replacing a call: named after the operation it carried, else after the callee. */
function eventName(call: CallEdge, target: string): string {
  const op = call.operations[0];
  if (op) {
    const grpcMethod = /\/([A-Za-z][A-Za-z0-9_]*)$/.exec(op.path);
    if (grpcMethod && op.path.includes('.')) return `${pascal(grpcMethod[1])}Requested`;
    const resources = op.path.split('/').filter((s) => s && !/^[{:]/.test(s));
    if (resources.length > 0) return `${pascal(resources[resources.length - 1])}Requested`;
  }
  return `${pascal(target)}Requested`;
}

interface Converted {
  label: string;
  edges: string[];
  nodes: string[];
}

/** Replaces one call with publish (caller → broker) and subscribe (broker → callee) edges. */
function convert(ctx: FixContext, callId: string): Converted[] {
  const { draft } = ctx;
  const call = draft.edge(callId);
  const from = call && draft.node(call.source);
  const to = call && draft.node(call.target);
  // Already converted (an id listed twice) or not a call between two nodes: nothing to do.
  if (call?.kind !== 'call' || !from || !to) return [];
  const label = edgeLabel(ctx, call);
  const link = sendViaBroker(ctx, from, to, eventName(call, to.name), { description: `Replaces the sync call ${label}.` });
  // A flow that stepped through the call now steps through the publication.
  draft.removeEdges(new Set([callId]), { [callId]: link.publish.id });
  return [{ label, edges: link.added, nodes: link.brokerCreated ? [link.broker.id] : [] }];
}

/**
 * Calls whose removal breaks every cycle among `edges`: the back edges of a depth-first search
 * over them (what remains is a DFS forest plus forward and cross edges, which is acyclic).
 */
function backEdges(nodes: readonly string[], edges: readonly EdgeEntry<CallEdge>[]): EdgeEntry<CallEdge>[] {
  const out = new Map<string, EdgeEntry<CallEdge>[]>();
  for (const e of edges) {
    const list = out.get(e.source.id);
    if (list) list.push(e);
    else out.set(e.source.id, [e]);
  }
  const state = new Map<string, 1 | 2>(); // 1 = on the DFS stack, 2 = finished
  const back: EdgeEntry<CallEdge>[] = [];
  for (const root of nodes) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const list = out.get(top.id) ?? [];
      if (top.next >= list.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const e = list[top.next++];
      const s = state.get(e.target.id);
      if (s === 1) back.push(e);
      else if (s === undefined) {
        state.set(e.target.id, 1);
        stack.push({ id: e.target.id, next: 0 });
      }
    }
  }
  return back;
}

/** The current draft as a design, for re-analysing the graph between conversions. */
function current(ctx: FixContext): Design | undefined {
  const built = ctx.draft.build();
  return built.ok ? built.design : undefined;
}

function fixCycle(ctx: FixContext): Converted[] | string {
  const members = ctx.nodeTargets().map((n) => n.id);
  const cycleEdges = ctx.edgeTargets('call').filter((e) => members.includes(e.source.id) && members.includes(e.target.id));
  if (members.length < 2 || cycleEdges.length === 0) return 'This finding names no cycle of calls.';
  const done: Converted[] = [];
  for (const e of backEdges(members, cycleEdges)) if (convertible(e)) done.push(...convert(ctx, e.id));
  // Back edges that are not service calls (a gateway in the loop): break the cycle elsewhere.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const d = current(ctx);
    if (!d) break;
    const g = buildGraph(d);
    const start = g.nodes.get(members[0]);
    const c = start ? g.sync.componentOf[start.index] : -1;
    const inCycle = g.edgesByKind.call.filter((e) => g.sync.componentOf[e.source.index] === c && g.sync.componentOf[e.target.index] === c && e.source !== e.target);
    if (c === -1 || inCycle.length === 0) break;
    const pick = inCycle.filter(convertible).pop();
    const step = pick ? convert(ctx, pick.id) : [];
    if (step.length === 0) break;
    done.push(...step);
  }
  return done.length > 0 ? done : 'The calls in this cycle are not between services, so none can become an event.';
}

function fixChain(ctx: FixContext): Converted[] | string {
  const max = ctx.ruleOptions<{ maxHops: number }>('sync-chain-too-deep').maxHops;
  const done: Converted[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const d = current(ctx);
    if (!d) break;
    const g = buildGraph(d);
    const path = g.sync.longestPath;
    if (path.hops <= max) break;
    const edges = path.edges.map((id) => g.edge(id)!).filter(Boolean);
    // Cut at the first hop over the limit (or the nearest service call before it), so the part
    // of the chain a request still waits on is within the limit.
    let hops = 0;
    let cut: EdgeEntry | undefined;
    for (const e of edges) {
      if (e.source.kind !== 'client') hops++;
      if (convertible(e) && (hops <= max + 1 || !cut)) cut = e;
      if (hops > max && cut) break;
    }
    const step = cut ? convert(ctx, cut.id) : [];
    if (step.length === 0) break;
    done.push(...step);
  }
  return done.length > 0 ? done : 'No call in this chain is between services, so none can become an event.';
}

function fixCoupling(ctx: FixContext): Converted[] | string {
  const svc = ctx.nodeTargets('service')[0];
  if (!svc) return 'This finding is about the whole design: apply the fix to a call or a service instead.';
  const max = ctx.ruleOptions<{ maxDependencies: number }>('high-coupling').maxDependencies;
  const kept = new Set<string>();
  const calls: string[] = [];
  for (const e of svc.outCall) {
    if (!convertible(e)) continue;
    if (kept.has(e.target.id) || kept.size < max) kept.add(e.target.id);
    else calls.push(e.id);
  }
  if (calls.length === 0) return `${svc.name} does not call more than ${max} services.`;
  return calls.flatMap((id) => convert(ctx, id));
}

export default defineFix({
  id: 'call-to-event',
  description:
    'Replaces sync calls between services with events: the caller publishes to a broker (an existing one, else a new RabbitMQ, or Kafka in the gRPC + Kafka style) and the callee subscribes. For a cycle it converts the calls that close it; for a deep chain, the call that crosses the hop limit; for a service with too many dependencies, the calls beyond the limit.',
  apply(ctx) {
    let result: Converted[] | string;
    switch (ctx.finding.ruleId) {
      case 'sync-cycle':
        result = fixCycle(ctx);
        break;
      case 'sync-chain-too-deep':
        result = fixChain(ctx);
        break;
      case 'high-coupling':
        result = fixCoupling(ctx);
        break;
      default: {
        const calls = ctx.edgeTargets('call');
        if (calls.length === 0) return ctx.fail('This finding names no call to replace with an event.');
        const ok = calls.filter(convertible);
        result = ok.length > 0 ? ok.flatMap((e) => convert(ctx, e.id)) : 'Only calls from one service to another can become events.';
      }
    }
    if (typeof result === 'string') return ctx.fail(result);
    return ctx.done(`Replaced ${joinNames(result.map((c) => c.label))} with ${result.length === 1 ? 'an event' : 'events'}.`, {
      edges: result.flatMap((c) => c.edges),
      nodes: [...new Set(result.flatMap((c) => c.nodes))],
    });
  },
});
