/**
 * The Rules dialog's logic without React: what a rule runs at under a profile and the design's
 * overrides, and the settings after one change. Overrides equal to the profile's default are
 * dropped, so the design file only records real deviations.
 */
import { z } from 'zod';
import type { RuleSetting, Settings, Severity } from '@/lib/model';
import { isProfileId, PROFILES, profileRules, RULE_LIST, type ProfileId, type Rule } from '@/lib/validation';

export type Level = 'off' | Severity;
export const LEVELS: readonly Level[] = ['off', 'info', 'warning', 'error'];

export type Rules = Settings['rules'];

export interface OptionField {
  key: string;
  label: string;
  type: 'integer' | 'number' | 'boolean' | 'string';
  min?: number;
  max?: number;
  maxLength?: number;
}

export interface RuleRow {
  rule: Rule;
  /** What the profile runs it at ('off' when the profile leaves it out). */
  base: Level;
  /** What runs: the design's override, else the base. */
  level: Level;
  /** The design overrides the severity. */
  severityChanged: boolean;
  /** Options as they run (profile defaults with the design's overrides), when the rule has options. */
  options: Record<string, unknown>;
  /** The profile's option values (the reset target). */
  baseOptions: Record<string, unknown>;
  /** Option keys the design overrides. */
  changedOptions: readonly string[];
}

export function profileOf(settings: Settings): ProfileId {
  return isProfileId(settings.profile) ? settings.profile : 'recommended';
}

function profileOptions(profile: ProfileId, id: string): Record<string, unknown> {
  const s = PROFILES[profile].rules[id];
  return typeof s === 'object' && s.options ? s.options : {};
}

const designSeverity = (s: RuleSetting | undefined): Level | undefined => (typeof s === 'string' ? s : s?.severity);
const designOptions = (s: RuleSetting | undefined): Record<string, unknown> => (typeof s === 'object' && s.options ? s.options : {});

/** Every rule of the catalog as the dialog shows it, in catalog (id) order. */
export function ruleRows(settings: Settings): RuleRow[] {
  const profile = profileOf(settings);
  const enabled = new Map(profileRules(profile).map((p) => [p.rule.meta.id, p.severity]));
  return RULE_LIST.map((rule) => {
    const id = rule.meta.id;
    const setting = Object.prototype.hasOwnProperty.call(settings.rules, id) ? settings.rules[id] : undefined;
    const base: Level = enabled.get(id) ?? 'off';
    const override = designSeverity(setting);
    const schema = rule.meta.options;
    let baseOptions: Record<string, unknown> = {};
    let options: Record<string, unknown> = {};
    if (schema) {
      const b = schema.safeParse(profileOptions(profile, id));
      baseOptions = b.success ? (b.data as Record<string, unknown>) : (schema.parse({}) as Record<string, unknown>);
      const o = schema.safeParse({ ...baseOptions, ...designOptions(setting) });
      options = o.success ? (o.data as Record<string, unknown>) : baseOptions;
    }
    const changedOptions = Object.keys(designOptions(setting)).filter((k) => k in baseOptions && designOptions(setting)[k] !== baseOptions[k]);
    return { rule, base, level: override ?? base, severityChanged: override !== undefined && override !== base, options, baseOptions, changedOptions };
  });
}

function put(rules: Rules, id: string, severity: Level | undefined, options: Record<string, unknown>): Rules {
  const next = { ...rules };
  const hasOptions = Object.keys(options).length > 0;
  if (!hasOptions && severity === undefined) delete next[id];
  else if (!hasOptions) next[id] = severity!;
  else next[id] = severity === undefined ? { options } : { severity, options };
  return next;
}

/** The rules settings with `id` at `level` (the override is dropped when it equals the profile's). */
export function setLevel(settings: Settings, id: string, level: Level): Rules {
  const row = ruleRows(settings).find((r) => r.rule.meta.id === id);
  const setting = settings.rules[id];
  return put(settings.rules, id, row && level === row.base ? undefined : level, designOptions(setting));
}

/** The rules settings with one option of `id` set (dropped when it equals the profile's value). */
export function setOption(settings: Settings, id: string, key: string, value: unknown): Rules {
  const row = ruleRows(settings).find((r) => r.rule.meta.id === id);
  const setting = settings.rules[id];
  const options = { ...designOptions(setting) };
  if (row && row.baseOptions[key] === value) delete options[key];
  else options[key] = value;
  const sev = designSeverity(setting);
  return put(settings.rules, id, sev, options);
}

/** The rules settings without any override of `id`. */
export function resetRule(settings: Settings, id: string): Rules {
  const next = { ...settings.rules };
  delete next[id];
  return next;
}

const LABELS: Record<string, string> = {
  min: 'Minimum services',
  max: 'Maximum services',
  sigma: 'Outlier threshold (standard deviations)',
  maxTimeoutMs: 'Longest acceptable timeout (ms, 0 = no limit)',
  maxStores: 'Owned datastores that make a god service (0 = off)',
  namePattern: 'Name pattern (regular expression)',
  maxCouplingFactor: 'Maximum coupling factor (0–1)',
  gatewayService: 'Database gateway service (name or id)',
  notificationService: 'Notification service (name or id)',
};

/** "maxHops" → "Max hops". */
export function humanize(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const fieldCache = new WeakMap<z.ZodObject, OptionField[]>();

/** The editable options of a rule, from its zod schema (via JSON Schema: type, bounds). */
export function optionFields(rule: Rule): OptionField[] {
  const schema = rule.meta.options;
  if (!schema) return [];
  const cached = fieldCache.get(schema);
  if (cached) return cached;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { type?: string; minimum?: number; maximum?: number; maxLength?: number }> };
  const out: OptionField[] = [];
  for (const [key, p] of Object.entries(json.properties ?? {})) {
    const type = p.type === 'integer' || p.type === 'number' || p.type === 'boolean' || p.type === 'string' ? p.type : null;
    if (!type) continue;
    out.push({ key, label: humanize(key), type, min: p.minimum, max: p.maximum, maxLength: p.maxLength });
  }
  fieldCache.set(schema, out);
  return out;
}
