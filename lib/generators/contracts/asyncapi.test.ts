import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { designSchema } from '@/lib/model';
import { asyncApiErrors, contextFor, run, starterDesigns } from './test-support';
import { asyncapiGenerator } from './asyncapi';

const starters = starterDesigns();
describe('asyncapi', () => {
  it('validates with @asyncapi/parser for every starter template', async () => {
    for (const { id, design } of starters) {
      const files = run(asyncapiGenerator, design);
      expect(files.map((f) => f.path)).toEqual(['contracts/asyncapi.yaml']);
      expect(await asyncApiErrors(files[0].content), id).toEqual([]);
    }
  }, 60_000);

  it('has a channel per broker topic, a message per event version and an operation per service and event', () => {
    const design = starters.find((s) => s.id === 'ecommerce')!.design;
    const { project } = contextFor(design);
    const doc = parse(run(asyncapiGenerator, design)[0].content);
    expect(doc.asyncapi).toBe('3.0.0');
    expect(Object.values<{ address: string }>(doc.channels).map((c) => c.address).sort()).toEqual(project.brokers.flatMap((b) => b.topics).sort());
    expect(Object.keys(doc.components.messages)).toEqual(['OrderPlacedV1', 'PaymentCapturedV1', 'UserRegisteredV1']);
    const ops = Object.values<{ action: string; title: string }>(doc.operations);
    const sends = project.services.flatMap((s) => s.publishes).length;
    const receives = project.services.flatMap((s) => s.consumes).length;
    expect(ops.filter((o) => o.action === 'send')).toHaveLength(sends);
    expect(ops.filter((o) => o.action === 'receive')).toHaveLength(receives);
    expect(ops.map((o) => o.title)).toContain('payments consumes OrderPlaced v1');
    // The envelope of RUNTIME_CONTRACT, with the event's fields as data.
    expect(doc.components.schemas.Envelope.required).toEqual(['id', 'type', 'version', 'source', 'time', 'data']);
    expect(doc.components.schemas.OrderPlacedV1Data.required).toContain('orderId');
    expect(doc.components.schemas.OrderPlacedV1Data.properties.placedAt).toEqual({ type: 'string', format: 'date-time' });
  });

  it('uses the published snapshot for published versions and handles every broker', async () => {
    const design = designSchema.parse({
      name: 'Brokers "all"',
      nodes: [
        { kind: 'service', id: 's', name: 'pub', position: { x: 0, y: 0 } },
        { kind: 'service', id: 'c', name: 'sub', position: { x: 0, y: 0 } },
        ...(['rabbitmq', 'kafka', 'nats', 'redis-streams'] as const).map((technology) => ({ kind: 'broker', id: technology, name: technology, technology, position: { x: 0, y: 0 }, topics: [{ name: 'Orders Topic', partitions: 3, retentionHours: 24 }] })),
      ],
      edges: (['rabbitmq', 'kafka', 'nats', 'redis-streams'] as const).flatMap((b) => [
        { kind: 'publish', id: `p-${b}`, source: 's', target: b, topic: 'Orders Topic', event: 'Order Placed!', version: 1 },
        { kind: 'subscribe', id: `s-${b}`, source: b, target: 'c', topic: 'Orders Topic', event: 'Order Placed!', version: 1, consumerGroup: 'Sub Group' },
        { kind: 'publish', id: `q-${b}`, source: 's', target: b, topic: 'other', event: 'Undesigned', version: 2 },
      ]),
      events: [{ id: 'e', name: 'Order Placed!', version: 1, fields: [{ name: 'draft', type: 'string' }], published: { fields: [{ name: 'frozen', type: 'integer' }] } }],
    });
    const text = run(asyncapiGenerator, design)[0].content;
    expect(await asyncApiErrors(text)).toEqual([]);
    const doc = parse(text);
    expect(Object.keys(doc.components.schemas.OrderPlacedV1Data.properties)).toEqual(['frozen']);
    expect(doc.components.schemas.UndesignedV2Data).toEqual({ type: 'object', properties: {}, additionalProperties: true });
    expect(Object.keys(doc.servers)).toEqual(['rabbitmq', 'kafka', 'nats', 'redis-streams']);
    const nats = Object.values<{ address: string; parameters?: unknown }>(doc.channels).find((c) => c.address.startsWith('orders-topic.{'));
    expect(nats?.parameters).toEqual({ routingKey: { description: expect.any(String), enum: ['order-placed.v1'] } });
  }, 30_000);

  it('matches the snapshot on the e-commerce template', () => {
    expect(run(asyncapiGenerator, starters.find((s) => s.id === 'ecommerce')!.design)).toMatchSnapshot();
  });
});
