import type { QuickFixId } from '@/lib/validation';
import type { QuickFix } from './types';
import addCircuitBreaker from './add-circuit-breaker';
import addHealthCheck from './add-health-check';
import addIdempotencyKey from './add-idempotency-key';
import addK8sTarget from './add-k8s-target';
import addLogSink from './add-log-sink';
import addTimeout from './add-timeout';
import addTracingSink from './add-tracing-sink';
import bumpEventVersion from './bump-event-version';
import callToEvent from './call-to-event';
import enableConsumerDedupe from './enable-consumer-dedupe';
import enableGatewayAuth from './enable-gateway-auth';
import enableJsonLogging from './enable-json-logging';
import enableOutbox from './enable-outbox';
import enableServiceMesh from './enable-service-mesh';
import enableTls from './enable-tls';
import enableTracing from './enable-tracing';
import insertGateway from './insert-gateway';
import insertIntegrationService from './insert-integration-service';
import makeStateless from './make-stateless';
import mergeServices from './merge-services';
import ownDatabase from './own-database';
import publishErrors from './publish-errors';
import removeElement from './remove-element';
import removeRetries from './remove-retries';
import routeViaDatabaseGateway from './route-via-database-gateway';
import routeViaOwner from './route-via-owner';
import setDatabaseOwner from './set-database-owner';
import setMinReplicas from './set-min-replicas';
import useGrpc from './use-grpc';
import useKafka from './use-kafka';

/** Every quick fix, keyed by id (= file name in lib/fixes and an id of QUICK_FIXES). */
export const QUICK_FIX_IMPLEMENTATIONS: Readonly<Record<QuickFixId, QuickFix>> = Object.freeze({
  [addCircuitBreaker.id]: addCircuitBreaker,
  [addHealthCheck.id]: addHealthCheck,
  [addIdempotencyKey.id]: addIdempotencyKey,
  [addK8sTarget.id]: addK8sTarget,
  [addLogSink.id]: addLogSink,
  [addTimeout.id]: addTimeout,
  [addTracingSink.id]: addTracingSink,
  [bumpEventVersion.id]: bumpEventVersion,
  [callToEvent.id]: callToEvent,
  [enableConsumerDedupe.id]: enableConsumerDedupe,
  [enableGatewayAuth.id]: enableGatewayAuth,
  [enableJsonLogging.id]: enableJsonLogging,
  [enableOutbox.id]: enableOutbox,
  [enableServiceMesh.id]: enableServiceMesh,
  [enableTls.id]: enableTls,
  [enableTracing.id]: enableTracing,
  [insertGateway.id]: insertGateway,
  [insertIntegrationService.id]: insertIntegrationService,
  [makeStateless.id]: makeStateless,
  [mergeServices.id]: mergeServices,
  [ownDatabase.id]: ownDatabase,
  [publishErrors.id]: publishErrors,
  [removeElement.id]: removeElement,
  [removeRetries.id]: removeRetries,
  [routeViaDatabaseGateway.id]: routeViaDatabaseGateway,
  [routeViaOwner.id]: routeViaOwner,
  [setDatabaseOwner.id]: setDatabaseOwner,
  [setMinReplicas.id]: setMinReplicas,
  [useGrpc.id]: useGrpc,
  [useKafka.id]: useKafka,
} as Record<QuickFixId, QuickFix>);

/** The quick fix with this id, if there is one. */
export function getQuickFix(id: string): QuickFix | undefined {
  return Object.prototype.hasOwnProperty.call(QUICK_FIX_IMPLEMENTATIONS, id) ? QUICK_FIX_IMPLEMENTATIONS[id as QuickFixId] : undefined;
}
