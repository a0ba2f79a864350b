// contracts/asyncapi.yaml: AsyncAPI 3.0 for every event of the design. One channel per broker
// topic, one message per event name + version (payload = the RUNTIME_CONTRACT envelope around the
// event's fields; the published snapshot for published versions), and a send or receive operation
// per service and event.
import { camelIdent, channelName } from '../escape';
import type { BrokerSpec, EventSpec } from '../project';
import type { GeneratedFile, Generator, GeneratorContext } from '../types';
import { dataJsonSchema, eventVersions, findEventVersion, setOwn, type EventVersion } from './events';
import { toYaml } from './yaml';

const PROTOCOL: Record<BrokerSpec['technology'], { protocol: string; protocolVersion?: string }> = {
  rabbitmq: { protocol: 'amqp', protocolVersion: '0.9.1' },
  kafka: { protocol: 'kafka' },
  nats: { protocol: 'nats' },
  'redis-streams': { protocol: 'redis' },
};

/** JSON Schema of the message envelope every stack sends (RUNTIME_CONTRACT). */
export const ENVELOPE_SCHEMA = {
  type: 'object',
  description: 'The envelope every service sends on every broker; `data` holds the event fields.',
  required: ['id', 'type', 'version', 'source', 'time', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid', description: 'Message id: AMQP messageId, Kafka key; consumers deduplicate by it.' },
    type: { type: 'string', description: 'Event name.' },
    version: { type: 'integer', minimum: 1, description: 'Event version.' },
    source: { type: 'string', description: 'Name of the publishing service.' },
    time: { type: 'string', format: 'date-time', description: 'When the event happened (ISO 8601).' },
    data: { type: 'object', description: 'The event fields.' },
  },
} as const;

function uniqueKey(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[^A-Za-z0-9_-]/g, '') || 'item';
  let k = base;
  for (let i = 2; used.has(k); i++) k = `${base}_${i}`;
  used.add(k);
  return k;
}

const routingDescription = (tech: BrokerSpec['technology'], topic: string) => {
  switch (tech) {
    case 'rabbitmq':
      return `Durable topic exchange "${topic}"; messages are routed by the key <event>.v<version>; each consumer group binds its own durable queue <group>.${topic}.`;
    case 'kafka':
      return `Kafka topic "${topic}"; the message key is the envelope id and the headers type and version name the event.`;
    case 'nats':
      return `NATS subjects ${topic}.<event>.v<version>; consumers join a queue group per consumer group.`;
    case 'redis-streams':
      return `Redis stream "${topic}"; the field "envelope" holds the JSON envelope; one consumer group per consuming service.`;
  }
};

/** The AsyncAPI document of the design, as a plain object. */
export function asyncApiDocument(ctx: GeneratorContext): Record<string, unknown> {
  const { project } = ctx;
  const versions = eventVersions(project, ctx.graph);
  const servers: Record<string, unknown> = {};
  for (const b of project.brokers) {
    setOwn(servers, b.name, {
      host: `${b.name}:${b.port}`,
      ...PROTOCOL[b.technology],
      title: b.name,
      description: `${b.technology} broker of the project.`,
    });
  }

  const messages: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = { Envelope: ENVELOPE_SCHEMA };
  const kafkaEvents = new Set<string>();
  for (const s of project.services) for (const e of [...s.publishes, ...s.consumes]) if (e.technology === 'kafka') kafkaEvents.add(`${e.event}\u0000${e.version}`);
  for (const ev of versions) {
    setOwn(schemas, `${ev.ident}Data`, dataJsonSchema(ev));
    setOwn(messages, ev.ident, {
      name: ev.name,
      title: `${ev.name} v${ev.version}`,
      summary: ev.published ? 'Published version: frozen, changes need a new version.' : ev.defined ? 'Draft version: may change until it is published.' : 'Named on an edge only: its fields are not designed yet.',
      ...(ev.description ? { description: ev.description } : {}),
      contentType: 'application/json',
      payload: {
        allOf: [
          { $ref: '#/components/schemas/Envelope' },
          {
            type: 'object',
            properties: {
              type: { const: ev.name },
              version: { const: ev.version },
              data: { $ref: `#/components/schemas/${ev.ident}Data` },
            },
          },
        ],
      },
      ...(kafkaEvents.has(`${ev.name}\u0000${ev.version}`) ? { bindings: { kafka: { key: { type: 'string', format: 'uuid' }, bindingVersion: '0.5.0' } } } : {}),
    });
  }

  // Channels: one per broker topic that an edge uses or the broker declares.
  const channels: Record<string, Record<string, unknown>> = {};
  const channelKey = new Map<string, string>();
  const usedChannelKeys = new Set<string>();
  const channelMessages = new Map<string, Map<string, EventVersion>>();
  const brokerById = new Map(project.brokers.map((b) => [b.id, b]));
  for (const b of project.brokers) {
    for (const topic of b.topics) {
      const k = uniqueKey(camelIdent(`${b.name} ${topic}`, 'channel'), usedChannelKeys);
      channelKey.set(`${b.id}\u0000${topic}`, k);
      channelMessages.set(k, new Map());
    }
  }
  const eventOf = (e: EventSpec) => findEventVersion(versions, e.event, e.version)!;
  for (const s of project.services) {
    for (const e of [...s.publishes, ...s.consumes]) {
      const k = channelKey.get(`${e.brokerId}\u0000${e.topic}`);
      const ev = eventOf(e);
      if (k && ev) channelMessages.get(k)!.set(ev.ident, ev);
    }
  }
  for (const b of project.brokers) {
    const node = ctx.graph.nodes.get(b.id)?.node;
    const declared = node?.kind === 'broker' ? node.topics : [];
    for (const topic of b.topics) {
      const k = channelKey.get(`${b.id}\u0000${topic}`)!;
      const evs = [...channelMessages.get(k)!.values()];
      const msgs: Record<string, unknown> = {};
      for (const ev of evs) setOwn(msgs, ev.ident, { $ref: `#/components/messages/${ev.ident}` });
      const topicDecl = declared.find((t) => channelName(t.name) === topic);
      let address = topic;
      let parameters: Record<string, unknown> | undefined;
      if (b.technology === 'nats') {
        address = `${topic}.{routingKey}`;
        parameters = { routingKey: { description: 'The event name and version, <event>.v<version>.', ...(evs.length ? { enum: [...new Set(evs.map((ev) => routingKeyOf(ev)))] } : {}) } };
      }
      const bindings: Record<string, unknown> = {};
      if (b.technology === 'rabbitmq') bindings.amqp = { is: 'routingKey', exchange: { name: topic, type: 'topic', durable: true, autoDelete: false, vhost: '/' }, bindingVersion: '0.3.0' };
      if (b.technology === 'kafka') {
        bindings.kafka = {
          topic,
          ...(topicDecl?.partitions ? { partitions: topicDecl.partitions } : {}),
          ...(topicDecl?.retentionHours ? { topicConfiguration: { 'retention.ms': topicDecl.retentionHours * 3_600_000 } } : {}),
          bindingVersion: '0.5.0',
        };
      }
      setOwn(channels, k, {
        address,
        title: `${topic} on ${b.name}`,
        description: routingDescription(b.technology, topic),
        servers: [{ $ref: `#/servers/${b.name}` }],
        messages: msgs,
        ...(parameters ? { parameters } : {}),
        ...(Object.keys(bindings).length ? { bindings } : {}),
      });
    }
  }

  // Operations: send for each publish, receive for each subscription, per service.
  const operations: Record<string, unknown> = {};
  const usedOps = new Set<string>();
  const seenOps = new Set<string>();
  for (const s of project.services) {
    const add = (action: 'send' | 'receive', e: EventSpec) => {
      const k = channelKey.get(`${e.brokerId}\u0000${e.topic}`);
      const ev = eventOf(e);
      const broker = brokerById.get(e.brokerId);
      if (!k || !ev || !broker) return;
      const dedupeKey = `${s.id}\u0000${action}\u0000${k}\u0000${ev.ident}\u0000${action === 'receive' ? e.consumerGroup : ''}`;
      if (seenOps.has(dedupeKey)) return;
      seenOps.add(dedupeKey);
      const opKey = uniqueKey(`${s.idents.camel}${action === 'send' ? 'Publishes' : 'Consumes'}${ev.ident}`, usedOps);
      const bindings: Record<string, unknown> = {};
      if (action === 'receive' && broker.technology === 'kafka') bindings.kafka = { groupId: { type: 'string', enum: [e.consumerGroup] }, bindingVersion: '0.5.0' };
      if (broker.technology === 'rabbitmq') bindings.amqp = action === 'receive' ? { ack: true, bindingVersion: '0.3.0' } : { deliveryMode: 2, bindingVersion: '0.3.0' };
      setOwn(operations, opKey, {
        action,
        channel: { $ref: `#/channels/${k}` },
        title: `${s.name} ${action === 'send' ? 'publishes' : 'consumes'} ${ev.name} v${ev.version}`,
        description:
          action === 'send'
            ? e.outbox
              ? 'Written to the outbox table in the same transaction as the change, then relayed to the broker.'
              : 'Published directly after the change is stored.'
            : `Consumer group "${e.consumerGroup}". ${e.dedupe ? 'Idempotent: envelopes whose id was processed before are skipped.' : 'Not deduplicated: handlers must tolerate redelivery.'}`,
        messages: [{ $ref: `#/channels/${k}/messages/${ev.ident}` }],
        ...(Object.keys(bindings).length ? { bindings } : {}),
      });
    };
    for (const e of s.publishes) add('send', e);
    for (const e of s.consumes) add('receive', e);
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: `${project.title} events`,
      version: '1.0.0',
      description: `Events of ${project.title}. Every message is a JSON envelope {id, type, version, source, time, data}; published versions are frozen and evolve by adding a version.`,
    },
    defaultContentType: 'application/json',
    ...(Object.keys(servers).length ? { servers } : {}),
    channels,
    operations,
    components: { schemas, messages },
  };
}

/** `<event>.v<version>` as RUNTIME_CONTRACT routes it (same as EventSpec.routingKey). */
function routingKeyOf(ev: EventVersion): string {
  return `${channelName(ev.name, 'event')}.v${ev.version}`;
}

export const asyncapiGenerator: Generator = {
  id: 'asyncapi',
  title: 'AsyncAPI 3.0 for the events',
  applies: (ctx) => ctx.project.brokers.length > 0 || ctx.graph.events.length > 0 || ctx.design.events.length > 0,
  generate(ctx): GeneratedFile[] {
    return [{ path: 'contracts/asyncapi.yaml', content: toYaml(asyncApiDocument(ctx), [`AsyncAPI contract of the events of "${ctx.project.title}", generated by Archwright.`]) }];
  },
};
