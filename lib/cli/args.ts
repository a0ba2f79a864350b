import { CliError } from './io';

export type FlagKind = 'string' | 'boolean';

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
}

/**
 * A small strict parser: `--name value`, `--name=value`, boolean `--name`, `-h`, and `--` to end
 * options. Unknown, repeated or valueless options are usage errors (exit 2).
 */
export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, FlagKind>>, command: string): ParsedArgs {
  const positionals: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  const hint = `Run "archwright ${command} --help" for usage.`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      flags.help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new CliError(`Unknown option ${JSON.stringify(arg)}. ${hint}`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (!kind) throw new CliError(`Unknown option --${name}. ${hint}`);
    if (flags[name] !== undefined) throw new CliError(`--${name} is given more than once.`);
    if (kind === 'boolean') {
      if (eq !== -1) throw new CliError(`--${name} takes no value.`);
      flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
    if (value === undefined || value === '') throw new CliError(`--${name} needs a value. ${hint}`);
    flags[name] = value;
  }
  return { positionals, flags };
}
