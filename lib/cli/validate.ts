import { PROFILE_IDS, isProfileId, resolveRuleConfig, validateDetailed } from '@/lib/validation';
import { parseArgs } from './args';
import { CliError, oneLine, type CliIO } from './io';
import { elementLines } from './locate';
import { readDesignFile } from './read';
import { toJson, toSarif, toText } from './report';

const FORMATS = ['text', 'json', 'sarif'] as const;

export const VALIDATE_USAGE = `Usage: archwright validate <design file> [--format text|json|sarif] [--profile <profile>]

Checks a design (*.archwright.yaml or .json) against the architecture rules, as the designer does.

Options:
  --format <f>    text (default), json ([{ruleId, severity, message, targets}]) or
                  sarif (SARIF 2.1.0 for GitHub code scanning)
  --profile <p>   rule profile instead of the design's own: ${PROFILE_IDS.join(', ')}
  -h, --help      show this help

Exit codes: 0 no error-level findings, 1 error-level findings, 2 unreadable input or bad options.
Importing docker-compose files is not supported yet.
`;

/** `archwright validate`: prints the findings; exit 1 when any error-level finding remains. */
export function runValidate(argv: readonly string[], io: CliIO, version: string): number {
  const { positionals, flags } = parseArgs(argv, { format: 'string', profile: 'string', help: 'boolean' }, 'validate');
  if (flags.help) {
    io.stdout(VALIDATE_USAGE);
    return 0;
  }
  const format = (flags.format ?? 'text') as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new CliError(`Unknown format ${JSON.stringify(oneLine(format, 40))}: use text, json or sarif.`);
  const profile = flags.profile as string | undefined;
  if (profile !== undefined && !isProfileId(profile)) {
    throw new CliError(`Unknown profile ${JSON.stringify(oneLine(profile, 60))}: use one of ${PROFILE_IDS.join(', ')}.`);
  }
  if (positionals.length !== 1) {
    throw new CliError(positionals.length ? 'Validate one design file at a time.' : 'Missing the design file. Usage: archwright validate <design file> [--format text|json|sarif]');
  }

  const file = readDesignFile(positionals[0], io.cwd);
  // No result reuse: one run per process, and the cache only pays off across edits.
  const result = validateDetailed(file.design, { profile, reuse: false });
  const { rules } = resolveRuleConfig(file.design.settings, profile);
  // Configuration problems and rule failures go to stderr so stdout stays machine-readable.
  for (const issue of result.issues) io.stderr(`warning: ${oneLine(issue.message)}\n`);
  for (const f of result.failures) io.stderr(`warning: rule ${f.ruleId} failed and was skipped: ${oneLine(f.error)}\n`);

  const input = { design: file.design, result, rules, file: file.display, absolutePath: file.path, lines: format === 'json' ? new Map() : elementLines(file.text), version, color: io.color };
  if (format === 'json') io.stdout(toJson(result.findings));
  else if (format === 'sarif') io.stdout(`${JSON.stringify(toSarif(input), null, 2)}\n`);
  else io.stdout(toText(input));
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
