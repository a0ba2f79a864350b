import { z } from 'zod';
import type { DesignGraph, NodeEntry } from '@/lib/graph';
import { findService, safeRegex } from '../helpers';
import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

const FIXES: FindingInput['fixes'] = ['publish-errors'];

/** The services errors must reach: the configured one, else those named like the pattern. */
export function notificationServices(graph: DesignGraph, options: { notificationService: string; namePattern: string }): NodeEntry[] {
  const configured = findService(graph, options.notificationService);
  const pattern = safeRegex(options.namePattern);
  return configured ? [configured] : graph.services.filter((s) => pattern?.test(s.name) ?? false);
}

export default defineRule({
  meta: {
    id: 'errors-to-notification',
    title: 'Errors not published to notifications',
    category: 'observability',
    defaultSeverity: 'warning',
    description:
      'When every service publishes its errors to one notification service, failures reach people the moment they happen, in one format, without each service wiring its own alerting.',
    fix: 'Publish the service’s errors on a topic the notification service consumes (e.g. a notifying logger wrapper).',
    references: [REF.optima],
    profiles: ['event-driven-gateway'],
    options: z.object({
      /** Name or id of the notification service; empty = services whose name matches `namePattern`. */
      notificationService: z.string().max(200).default(''),
      namePattern: z.string().max(500).default('notif'),
    }),
  },
  check(ctx) {
    const { graph, options } = ctx;
    if (graph.services.length === 0) return [];
    const sinks = notificationServices(graph, options);
    if (sinks.length === 0) {
      return [ctx.finding({ message: 'No notification service: errors have nowhere to go. Add one that consumes error events.', targets: [] })];
    }
    // Channels the notification services consume, by event and by broker topic.
    const channels = new Set<unknown>();
    for (const sink of sinks) {
      for (const e of sink.inSubscribe) {
        channels.add(e.channel);
        channels.add(e.topicChannel);
      }
    }
    const sinkSet = new Set<NodeEntry>(sinks);
    const sinkNames = ctx.list(sinks.map((s) => s.name));
    const out: Finding[] = [];
    const { offsets, items } = graph.adjacency.outPublish;
    const edges = graph.edgeList;
    for (const svc of graph.services) {
      if (sinkSet.has(svc)) continue;
      let reaches = false;
      for (let k = offsets[svc.index], end = offsets[svc.index + 1]; k < end && !reaches; k++) {
        const e = edges[items[k]];
        reaches = channels.has(e.channel) || channels.has(e.topicChannel);
      }
      if (reaches) continue;
      out.push(
        ctx.finding({
          message: `${svc.name} publishes nothing the notification service (${sinkNames}) consumes: its errors go unnoticed.`,
          targets: [svc.id],
          fixes: FIXES,
        }),
      );
    }
    return out;
  },
});
