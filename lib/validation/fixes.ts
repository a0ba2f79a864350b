/**
 * Quick fixes findings may offer. Rules only name them; lib/fixes implements each id as a pure
 * (design, finding) -> design patch. The title is the default button text.
 */
export const QUICK_FIXES = {
  'add-timeout': 'Add a timeout',
  'add-circuit-breaker': 'Add a circuit breaker',
  'add-idempotency-key': 'Send an idempotency key',
  'remove-retries': 'Stop retrying this call',
  'enable-consumer-dedupe': 'Deduplicate messages in the consumer',
  'own-database': 'Give each service its own store',
  'set-database-owner': 'Record which service owns this store',
  'insert-gateway': 'Route through an API gateway',
  'call-to-event': 'Replace the call with an event',
  'add-health-check': 'Add liveness and readiness checks',
  'add-tracing-sink': 'Add a tracing collector',
  'enable-tracing': 'Turn on tracing',
  'enable-json-logging': 'Log as JSON',
  'add-log-sink': 'Add a log sink',
  'enable-gateway-auth': 'Require authentication at the gateway',
  'enable-tls': 'Encrypt this call (TLS)',
  'enable-service-mesh': 'Use a service mesh with mTLS',
  'remove-element': 'Remove it',
  'bump-event-version': 'Publish the change as a new version',
  'merge-services': 'Merge the two services',
  'insert-integration-service': 'Add an integration service',
  'route-via-database-gateway': 'Reach the database through the database gateway',
  'publish-errors': 'Publish errors to the notification service',
  'make-stateless': 'Make the service stateless',
  'use-grpc': 'Switch the call to gRPC',
  'use-kafka': 'Move the topics to Kafka',
  'enable-outbox': 'Publish through an outbox',
  'add-k8s-target': 'Add the Kubernetes deployment target',
  'set-min-replicas': 'Raise replicas to the minimum',
  'route-via-owner': 'Ask the owning service instead',
} as const;

export type QuickFixId = keyof typeof QUICK_FIXES;
