import type { Rule } from './types';
import chattyServices from './rules/chatty-services';
import credentialsInEnv from './rules/credentials-in-env';
import crossServiceDataAccess from './rules/cross-service-data-access';
import databaseViaGateway from './rules/database-via-gateway';
import errorsToNotification from './rules/errors-to-notification';
import esbMisuse from './rules/esb-misuse';
import eventContractMutated from './rules/event-contract-mutated';
import godService from './rules/god-service';
import highCoupling from './rules/high-coupling';
import integrationServicePerExternal from './rules/integration-service-per-external';
import missingCircuitBreaker from './rules/missing-circuit-breaker';
import missingHealthCheck from './rules/missing-health-check';
import missingK8sTarget from './rules/missing-k8s-target';
import missingOutbox from './rules/missing-outbox';
import missingTimeout from './rules/missing-timeout';
import nanoservice from './rules/nanoservice';
import noApiGateway from './rules/no-api-gateway';
import noDirectServiceCalls from './rules/no-direct-service-calls';
import noDistributedTracing from './rules/no-distributed-tracing';
import noStructuredLogging from './rules/no-structured-logging';
import nonGrpcSyncCall from './rules/non-grpc-sync-call';
import nonIdempotentRetry from './rules/non-idempotent-retry';
import nonKafkaAsync from './rules/non-kafka-async';
import orphanNode from './rules/orphan-node';
import plaintextServiceTraffic from './rules/plaintext-service-traffic';
import replicasBelowHa from './rules/replicas-below-ha';
import sharedDatabase from './rules/shared-database';
import statefulService from './rules/stateful-service';
import syncChainTooDeep from './rules/sync-chain-too-deep';
import syncCycle from './rules/sync-cycle';
import tooFewServices from './rules/too-few-services';
import tooManyServices from './rules/too-many-services';
import unauthenticatedEntry from './rules/unauthenticated-entry';
import unversionedGrpcPackage from './rules/unversioned-grpc-package';
import wrongCuts from './rules/wrong-cuts';

/** Every rule, keyed by id (= file name in rules/), in id order. */
export const RULES: Readonly<Record<string, Rule>> = Object.freeze({
  [chattyServices.meta.id]: chattyServices,
  [credentialsInEnv.meta.id]: credentialsInEnv,
  [crossServiceDataAccess.meta.id]: crossServiceDataAccess,
  [databaseViaGateway.meta.id]: databaseViaGateway,
  [errorsToNotification.meta.id]: errorsToNotification,
  [esbMisuse.meta.id]: esbMisuse,
  [eventContractMutated.meta.id]: eventContractMutated,
  [godService.meta.id]: godService,
  [highCoupling.meta.id]: highCoupling,
  [integrationServicePerExternal.meta.id]: integrationServicePerExternal,
  [missingCircuitBreaker.meta.id]: missingCircuitBreaker,
  [missingHealthCheck.meta.id]: missingHealthCheck,
  [missingK8sTarget.meta.id]: missingK8sTarget,
  [missingOutbox.meta.id]: missingOutbox,
  [missingTimeout.meta.id]: missingTimeout,
  [nanoservice.meta.id]: nanoservice,
  [noApiGateway.meta.id]: noApiGateway,
  [noDirectServiceCalls.meta.id]: noDirectServiceCalls,
  [noDistributedTracing.meta.id]: noDistributedTracing,
  [noStructuredLogging.meta.id]: noStructuredLogging,
  [nonGrpcSyncCall.meta.id]: nonGrpcSyncCall,
  [nonIdempotentRetry.meta.id]: nonIdempotentRetry,
  [nonKafkaAsync.meta.id]: nonKafkaAsync,
  [orphanNode.meta.id]: orphanNode,
  [plaintextServiceTraffic.meta.id]: plaintextServiceTraffic,
  [replicasBelowHa.meta.id]: replicasBelowHa,
  [sharedDatabase.meta.id]: sharedDatabase,
  [statefulService.meta.id]: statefulService,
  [syncChainTooDeep.meta.id]: syncChainTooDeep,
  [syncCycle.meta.id]: syncCycle,
  [tooFewServices.meta.id]: tooFewServices,
  [tooManyServices.meta.id]: tooManyServices,
  [unauthenticatedEntry.meta.id]: unauthenticatedEntry,
  [unversionedGrpcPackage.meta.id]: unversionedGrpcPackage,
  [wrongCuts.meta.id]: wrongCuts,
});

/** Rules in id order, the order the engine runs them. */
export const RULE_LIST: readonly Rule[] = Object.keys(RULES)
  .sort()
  .map((id) => RULES[id]);

/** The rule with this id, if there is one. */
export function getRule(id: string): Rule | undefined {
  return Object.prototype.hasOwnProperty.call(RULES, id) ? RULES[id] : undefined;
}
