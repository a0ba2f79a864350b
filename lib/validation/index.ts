export * from './types';
export { QUICK_FIXES, type QuickFixId } from './fixes';
export { RULES, RULE_LIST, getRule } from './registry';
export { PROFILES, isProfileId, profileRules, type Profile, type ProfileRule, type ProfileRuleSetting } from './profiles';
export {
  validate,
  validateDetailed,
  resolveRuleConfig,
  compareFindings,
  elementPosition,
  INERT_NODE_FIELDS,
  INERT_EDGE_FIELDS,
  DESIGN_TARGET,
  type ActiveRule,
  type ConfigIssue,
  type RuleConfig,
  type SuppressedFinding,
  type ValidateOptions,
  type ValidationResult,
} from './engine';
export { createContext, createRunMemo, type RunMemo } from './context';
export { REF } from './references';
