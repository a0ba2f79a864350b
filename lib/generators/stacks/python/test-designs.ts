// Designs for the FastAPI stack's tests (Node only; imported by tests).
import type { Design } from '@/lib/model';
import { designOf } from '@/lib/graph/test-utils';

/** Free text that breaks naive code generation: quotes, newlines, comment and template syntax. */
export const HOSTILE = `Evil"'\`\\ """ ''' {{name}} \${x} %s \n# import os; os.system("rm -rf /") */ -- ; DROP TABLE records; \u2028 <script>`;

/**
 * Every broker technology, every store kind and every call protocol, with hostile labels, event
 * names, topics, field names, paths and consumer groups.
 */
export function hostileDesign(): Design {
  const svc = (port: number, extra: Record<string, unknown> = {}) =>
    ['service', { stack: 'fastapi', port, label: HOSTILE, description: HOSTILE, ...extra }] as const;
  return designOf({
    nodes: {
      evil: svc(8001, {
        endpoints: [
          { id: 'e1', method: 'POST', path: `/a b/{id"}/../:x'y/{{z}}/%2e%2e/;drop`, summary: HOSTILE, idempotent: true },
          { id: 'e2', method: 'GET', path: '/orders/{class}', summary: HOSTILE },
          { id: 'e3', method: 'GET', path: '/orders/me', summary: 'literal before parameter' },
          { id: 'e4', method: 'PUT', path: '/orders/{class}', summary: '' },
          { id: 'e5', method: 'PATCH', path: '/orders/{request}/{request}', summary: '' },
          { id: 'e6', method: 'DELETE', path: '/orders/{id}' },
          { id: 'e7', method: 'DELETE', path: '/' },
          { id: 'e8', method: 'GET', path: '/orders/{class}' },
          { id: 'e9', method: 'GET', path: '/{{x}}/"""' },
        ],
      }),
      other: svc(8002),
      'evil-db': ['database', { technology: 'postgres', ownerId: 'evil', label: HOSTILE }],
      mongo: ['database', { technology: 'mongodb' }],
      cache: ['cache', { technology: 'redis' }],
      memo: ['cache', { technology: 'memcached' }],
      rabbit: ['broker', { technology: 'rabbitmq', topics: [{ name: HOSTILE }] }],
      kafka: ['broker', { technology: 'kafka' }],
      nats: ['broker', { technology: 'nats' }],
      streams: ['broker', { technology: 'redis-streams' }],
      ext: ['external', { label: HOSTILE, technology: HOSTILE, url: `https://x.example.com/"; rm -rf /` }],
    },
    edges: [
      'evil -> evil-db',
      'evil -> mongo',
      'evil -> cache',
      'evil -> memo',
      'other -> evil-db',
      ['evil -publish-> rabbit', { topic: HOSTILE, event: HOSTILE, version: 1, outbox: true }],
      ['evil -publish-> kafka', { topic: 'class', event: 'import', version: 2, outbox: false }],
      ['evil -publish-> nats', { topic: '..', event: '"""', version: 3 }],
      ['evil -publish-> streams', { topic: '{{topic}}', event: 'model_config', version: 1 }],
      ['rabbit -subscribe-> other', { topic: HOSTILE, event: HOSTILE, version: 1, consumerGroup: HOSTILE }],
      ['kafka -subscribe-> other', { topic: 'class', event: 'import', version: 2, consumerGroup: 'def' }],
      ['nats -subscribe-> other', { topic: '..', event: '"""', version: 3, dedupe: false }],
      ['streams -subscribe-> other', { topic: '{{topic}}', event: 'model_config', version: 1 }],
      ['other -> evil', { operations: [{ method: 'GET', path: `/orders/{class}` }, { method: 'POST', path: HOSTILE }, { method: 'POST', path: HOSTILE }], idempotencyKey: true }],
      ['other -> ext', { operations: [{ method: 'POST', path: '/v1/{self}/{http}' }], timeoutMs: 1500 }],
      // A write, a read and a delete: the generated tests call each over a real gRPC channel.
      [
        'evil -> other',
        { protocol: 'grpc', operations: [{ method: 'POST', path: `pkg.Svc/Do"It` }, { method: 'GET', path: '/orders/{id}' }, { method: 'DELETE', path: 'Remove' }] },
      ],
      ['other -> evil', { id: 'gql', protocol: 'graphql' }],
    ],
    events: [
      {
        id: 'ev-hostile',
        name: HOSTILE,
        version: 1,
        description: HOSTILE,
        fields: [
          { name: 'class', type: 'string' },
          { name: 'model_config', type: 'object' },
          { name: '_private', type: 'integer', required: false },
          { name: '1st', type: 'datetime' },
          { name: 'dict', type: 'array' },
          { name: 'a-b', type: 'uuid', description: HOSTILE },
          { name: 'a b', type: 'boolean' },
          { name: 'a b', type: 'number' },
          { name: '名前', type: 'string' },
          { name: HOSTILE, type: 'string' },
        ],
      },
      { id: 'ev-import', name: 'import', version: 2, fields: [{ name: 'datetime', type: 'datetime' }, { name: 'str', type: 'string' }] },
    ],
  });
}
