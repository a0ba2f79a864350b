import type { RuleCategory } from '@/lib/validation/types';

/** Display names of rule categories (Problems panel and Rules dialog). */
export const CATEGORY_LABEL: Readonly<Record<string, string>> = {
  granularity: 'Granularity',
  data: 'Data',
  resilience: 'Resilience',
  coupling: 'Coupling',
  communication: 'Communication',
  observability: 'Observability',
  security: 'Security',
  contracts: 'Contracts',
  deployment: 'Deployment',
  hygiene: 'Hygiene',
} satisfies Record<RuleCategory, string>;
