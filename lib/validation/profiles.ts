import type { Severity } from '@/lib/model';
import { REF } from './references';
import { RULE_LIST } from './registry';
import { PROFILE_IDS, type ProfileId, type Reference, type Rule } from './types';

/** A profile's say over one rule: off, a severity, or a severity and options. */
export type ProfileRuleSetting = 'off' | Severity | { severity?: 'off' | Severity; options?: Record<string, unknown> };

export interface Profile {
  id: ProfileId;
  title: string;
  description: string;
  references: Reference[];
  /** Raise every default severity one step (info→warning, warning→error). */
  escalate?: boolean;
  /** Overrides on top of each rule's defaults. */
  rules: Readonly<Record<string, ProfileRuleSetting>>;
}

/** The rule profiles: the recommended default, a strict variant and two house styles. */
export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  recommended: {
    id: 'recommended',
    title: 'Recommended',
    description: 'The general microservice rules at their default severities.',
    references: [REF.taibiTaxonomy, REF.neri],
    rules: {},
  },
  strict: {
    id: 'strict',
    title: 'Strict',
    description: 'The recommended rules with every severity raised one step: warnings become errors, information becomes warnings.',
    references: [REF.taibiTaxonomy, REF.neri],
    escalate: true,
    rules: {},
  },
  'event-driven-gateway': {
    id: 'event-driven-gateway',
    title: 'Event-driven with database gateway',
    description:
      'All service-to-service traffic over the message bus, one integration service per external system, database access only through a database-gateway service, errors published to a notification service, credentials kept out of the environment, append-only event contracts and stateless services.',
    references: [REF.optima],
    rules: {
      // The database gateway is a deliberate data-holding service that owns every store.
      'wrong-cuts': 'off',
      'god-service': { options: { maxStores: 0 } },
      'stateful-service': 'error',
      'event-contract-mutated': 'error',
    },
  },
  'grpc-kafka': {
    id: 'grpc-kafka',
    title: 'gRPC + Kafka on Kubernetes',
    description:
      'Sync calls over gRPC with versioned packages, async events on Kafka through an outbox, a database per service, and Kubernetes deployments with probes, autoscaling and disruption budgets.',
    references: [REF.nova],
    rules: {
      // Probes are how Kubernetes restarts and routes: without them HPA and rollouts misbehave.
      'missing-health-check': 'error',
      'shared-database': 'error',
      'cross-service-data-access': 'error',
    },
  },
};

const ESCALATE: Record<Severity, Severity> = { info: 'warning', warning: 'error', error: 'error' };

/** True for the id of a built-in profile. */
export function isProfileId(id: string): id is ProfileId {
  return (PROFILE_IDS as readonly string[]).includes(id);
}

/** A rule as a profile runs it, before per-design overrides. */
export interface ProfileRule {
  rule: Rule;
  severity: Severity;
  /** Raw option overrides from the profile (merged over the rule's defaults by the engine). */
  options: Record<string, unknown>;
}

/** Every rule the profile enables, in id order, with its severity and option overrides. */
export function profileRules(profileId: ProfileId, rules: readonly Rule[] = RULE_LIST): ProfileRule[] {
  const profile = PROFILES[profileId];
  const out: ProfileRule[] = [];
  for (const rule of rules) {
    let severity: Severity | 'off' =
      rule.meta.profiles && !rule.meta.profiles.includes(profileId) ? 'off' : profile.escalate ? ESCALATE[rule.meta.defaultSeverity] : rule.meta.defaultSeverity;
    let options: Record<string, unknown> = {};
    const setting = profile.rules[rule.meta.id];
    if (typeof setting === 'string') severity = setting;
    else if (setting) {
      if (setting.severity) severity = setting.severity;
      options = setting.options ?? {};
    }
    if (severity !== 'off') out.push({ rule, severity, options });
  }
  return out;
}
