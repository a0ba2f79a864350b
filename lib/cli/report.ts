// Renders a validation result as text (people), JSON (scripts) or SARIF 2.1.0 (code scanning).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result, Location, LogicalLocation } from 'sarif';
import type { Design, Severity } from '@/lib/model';
import type { ActiveRule, Finding, Rule, ValidationResult } from '@/lib/validation';
import { distinctNames, elementNamer, type ElementRef } from './elements';
import { oneLine, safeText } from './io';

export interface ReportInput {
  design: Design;
  result: ValidationResult;
  /** The rules that ran (profile and design settings applied). */
  rules: readonly ActiveRule[];
  /** The design file as the user sees it (relative to the working directory when inside it). */
  file: string;
  /** The design file's absolute path (for a file: URI when it lies outside the working directory). */
  absolutePath?: string;
  /** Line of each element's definition in the file. */
  lines: ReadonlyMap<string, number>;
  version: string;
  color?: boolean;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Counts per severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The JSON format: exactly `[{ruleId, severity, message, targets}]`. */
export function toJson(findings: readonly Finding[]): string {
  return `${JSON.stringify(
    findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, targets: f.targets })),
    null,
    2,
  )}\n`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The text format: a header, two lines per finding (where and what), a summary line. */
export function toText(input: ReportInput): string {
  const { design, result, file, lines } = input;
  const paint = (code: string, s: string) => (input.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const SEV: Record<Severity, string> = { error: paint('31', 'error  '), warning: paint('33', 'warning'), info: paint('36', 'info   ') };
  const name = elementNamer(design);
  const out: string[] = [`${safeText(file)}: ${oneLine(design.name, 120)} (profile ${result.profile})`, ''];
  const idWidth = Math.max(0, ...result.findings.map((f) => f.ruleId.length));
  for (const f of result.findings) {
    const names = distinctNames(f.targets.map(name));
    const shown = names.slice(0, 4).map((n) => oneLine(n, 80));
    if (names.length > 4) shown.push(`+${names.length - 4} more`);
    const line = f.targets.length ? lines.get(f.targets[0]) : undefined;
    const where = `${safeText(file)}:${line ?? 1}`;
    out.push(`  ${SEV[f.severity]}  ${paint('1', f.ruleId.padEnd(idWidth))}  ${shown.join(', ') || 'the whole design'}  ${paint('2', where)}`);
    out.push(`           ${oneLine(f.message, 1000)}`);
  }
  if (result.findings.length) out.push('');
  const c = countBySeverity(result.findings);
  const suppressed = result.suppressed.length ? `; ${result.suppressed.length} suppressed` : '';
  if (result.findings.length === 0) out.push(`${paint('32', '✔')} No problems${suppressed}.`);
  else {
    out.push(
      `${c.error ? paint('31', '✖') : c.warning ? paint('33', '⚠') : paint('36', 'ℹ')} ${plural(result.findings.length, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info)${suppressed}.`,
    );
  }
  return `${out.join('\n')}\n`;
}

const pascal = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_m, _d, ch: string) => ch.toUpperCase());

function ruleDescriptor(rule: Rule): ReportingDescriptor {
  const m = rule.meta;
  const refsText = m.references.map((r) => `- ${r.title}${r.url ? ` (${r.url})` : ''}`).join('\n');
  const refsMd = m.references.map((r) => `- ${r.url ? `[${r.title}](${r.url})` : r.title}`).join('\n');
  const helpUri = m.references.find((r) => r.url)?.url;
  return {
    id: m.id,
    name: pascal(m.id),
    shortDescription: { text: m.title },
    fullDescription: { text: m.description },
    help: {
      text: `Why it matters: ${m.description}\n\nHow to fix: ${m.fix}${refsText ? `\n\nReferences:\n${refsText}` : ''}`,
      markdown: `**Why it matters.** ${m.description}\n\n**How to fix.** ${m.fix}${refsMd ? `\n\n**References**\n\n${refsMd}` : ''}`,
    },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[m.defaultSeverity] },
    properties: { tags: ['architecture', m.category], category: m.category },
  };
}

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: every rule that ran is declared (so code scanning
 * can tell "fixed" from "not checked"), each result points at the design file (code scanning needs
 * a physical location) at the line of its primary element, and names its elements as logical
 * locations. Suppressed findings are left out: code scanning does not honour SARIF suppressions.
 */
export function toSarif(input: ReportInput): Log {
  const { design, result, rules, file, lines } = input;
  const ruleList = rules.map((r) => r.rule);
  const index = new Map(ruleList.map((r, i) => [r.meta.id, i]));
  const name = elementNamer(design);
  // Code scanning wants paths relative to the repository root (CI runs from there); names with
  // spaces or '#' are percent-encoded per segment. Outside the working directory: a file: URI.
  const uri = path.isAbsolute(file) ? pathToFileURL(input.absolutePath ?? file).href : file.split('/').map(encodeURIComponent).join('/');
  const logical = (ref: ElementRef): LogicalLocation => ({
    name: ref.name,
    fullyQualifiedName: ref.fullyQualifiedName,
    kind: ref.kind,
    properties: { id: ref.id },
  });
  const location = (refs: ElementRef[], id?: string): Location => ({
    physicalLocation: { artifactLocation: { uri }, region: { startLine: (id && lines.get(id)) || 1 } },
    logicalLocations: refs.map(logical),
  });
  const results: Result[] = result.findings.map((f) => {
    const refs = f.targets.map(name);
    const related = refs.slice(1).map((ref, i) => ({ id: i + 1, ...location([ref], ref.id), message: { text: ref.name } }));
    return {
      ruleId: f.ruleId,
      ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [location(refs.length ? refs : [name('design')], f.targets[0])],
      ...(related.length ? { relatedLocations: related } : {}),
      properties: { targets: f.targets },
    };
  });
  // Profiles and design settings change severities: declare those as configuration overrides.
  const overrides = rules.flatMap((r, i) =>
    r.severity === r.rule.meta.defaultSeverity ? [] : [{ descriptor: { id: r.rule.meta.id, index: i }, configuration: { level: LEVEL[r.severity] } }],
  );
  const notes = [
    ...result.issues.map((i) => ({ level: 'warning' as const, message: { text: i.message }, ...(i.ruleId ? { associatedRule: { id: i.ruleId } } : {}) })),
  ];
  const failures = result.failures.map((f) => ({ level: 'error' as const, message: { text: `Rule ${f.ruleId} failed: ${f.error}` }, associatedRule: { id: f.ruleId } }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Archwright',
            version: input.version,
            semanticVersion: input.version,
            rules: ruleList.map(ruleDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: result.failures.length === 0,
            ...(overrides.length ? { ruleConfigurationOverrides: overrides } : {}),
            ...(notes.length ? { toolConfigurationNotifications: notes } : {}),
            ...(failures.length ? { toolExecutionNotifications: failures } : {}),
          },
        ],
        artifacts: [{ location: { uri }, mimeType: /\.json$/i.test(file) ? 'application/json' : 'application/yaml' }],
        results,
        properties: { design: design.name, profile: result.profile, suppressed: result.suppressed.length },
      },
    ],
  };
}
