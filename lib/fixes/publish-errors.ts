import type { SubscribeEdge } from '@/lib/model';
import { notificationServices } from '@/lib/validation/rules/errors-to-notification';
import { joinNames, sendViaBroker } from './shared';
import { defineFix } from './types';

const TOPIC = 'errors';
const EVENT = 'ErrorOccurred';

export default defineFix({
  id: 'publish-errors',
  description:
    'Makes the service publish its errors on the “errors” topic and the notification service consume it (on the broker the notification service already listens to, if any).',
  apply(ctx) {
    const { draft, graph } = ctx;
    const sinks = notificationServices(graph, ctx.ruleOptions<{ notificationService: string; namePattern: string }>('errors-to-notification'));
    if (sinks.length === 0) return ctx.fail('There is no notification service to publish errors to: add one first.');
    const services = ctx.nodeTargets('service').filter((s) => !sinks.includes(s));
    if (services.length === 0) return ctx.fail('This finding names no service whose errors to publish.');
    const sink = draft.node(sinks[0].id)!;
    // Join the error channel the notification service already consumes, if it has one.
    const listening = draft.edgeList.find((e): e is SubscribeEdge => e.kind === 'subscribe' && e.target === sink.id && /error|fail/i.test(`${e.topic} ${e.event}`));
    const edges: string[] = [];
    const nodes: string[] = [];
    for (const svc of services) {
      const link = sendViaBroker(ctx, draft.node(svc.id)!, sink, listening?.event ?? EVENT, {
        topic: listening?.topic ?? TOPIC,
        version: listening?.version,
        brokerId: listening?.source ?? draft.edgeList.find((e) => e.kind === 'subscribe' && e.target === sink.id)?.source,
        shared: true,
        description: 'A failure a service could not handle, for the notification service.',
      });
      edges.push(...link.added);
      if (link.brokerCreated) nodes.push(link.broker.id);
    }
    return ctx.done(`${joinNames(services.map((s) => s.name))} now ${services.length === 1 ? 'publishes its' : 'publish their'} errors to ${sink.name}.`, { edges, nodes });
  },
});
