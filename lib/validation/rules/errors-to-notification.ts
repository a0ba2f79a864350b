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
      return [ctx.newFinding('No notification service: errors have nowhere to go. Add one that consumes error events.', [])];
    }
    // Channels the notification services consume, by event and by broker topic, marked by
    // channel index (every publish and subscribe edge has both).
    const f = graph.edgeFacts;
    const events = new Uint8Array(graph.events.length);
    const topics = new Uint8Array(graph.topics.length);
    const isSink = new Uint8Array(graph.nodeList.length);
    const inSubscribe = graph.adjacency.inSubscribe;
    for (let at = 0; at < sinks.length; at++) {
      const sink = sinks[at];
      isSink[sink.index] = 1;
      for (let k = inSubscribe.offsets[sink.index], end = inSubscribe.offsets[sink.index + 1]; k < end; k++) {
        events[f.channel[inSubscribe.items[k]]] = 1;
        topics[f.topic[inSubscribe.items[k]]] = 1;
      }
    }
    const sinkNames = ctx.list(sinks.map((s) => s.name));
    const out: Finding[] = [];
    const { offsets, items } = graph.adjacency.outPublish;
    for (let at = 0; at < graph.services.length; at++) {
      const svc = graph.services[at];
      if (isSink[svc.index]) continue;
      let reaches = false;
      for (let k = offsets[svc.index], end = offsets[svc.index + 1]; k < end && !reaches; k++) {
        const i = items[k];
        reaches = events[f.channel[i]] === 1 || topics[f.topic[i]] === 1;
      }
      if (reaches) continue;
      out.push(
        ctx.newFinding(`${svc.name} publishes nothing the notification service (${sinkNames}) consumes: its errors go unnoticed.`, [svc.id], FIXES),
      );
    }
    return out;
  },
});
