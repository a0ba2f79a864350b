// The archwright command: a thin layer over the core (DESIGN §6). bin/archwright.mjs runs it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXPORT_USAGE, runExport } from './export';
import { CliError, oneLine, type CliIO } from './io';
import { runValidate, VALIDATE_USAGE } from './validate';

export { type CliIO, CliError } from './io';

export const USAGE = `Usage: archwright <command> [options]

Commands:
  validate <design>   check a design against the architecture rules (text, JSON or SARIF)
  export <design>     generate the project as a directory or a .zip
  help [command]      show help for a command

Options:
  -h, --help          show this help
  --version           print the version

Run "archwright <command> --help" for a command's options.
`;

const LATER: Record<string, string> = {
  import: 'Importing docker-compose files and Kubernetes manifests is not supported yet.',
  share: '"archwright share" is not available yet.',
  open: '"archwright open" is not available yet.',
};

function packageVersion(root: string): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return runValidate(rest, io, packageVersion(io.packageRoot));
      case 'export':
        return await runExport(rest, io);
      case undefined:
      case '-h':
      case '--help':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      case 'help':
        io.stdout(rest[0] === 'validate' ? VALIDATE_USAGE : rest[0] === 'export' ? EXPORT_USAGE : USAGE);
        return 0;
      case '--version':
      case '-v':
        io.stdout(`${packageVersion(io.packageRoot)}\n`);
        return 0;
      default:
        if (Object.prototype.hasOwnProperty.call(LATER, command)) throw new CliError(LATER[command]);
        throw new CliError(`Unknown command ${JSON.stringify(oneLine(command, 60))}. Run "archwright --help" for the commands.`);
    }
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`archwright: ${err.message}\n`);
      return err.exitCode;
    }
    // A bug, not bad input: still one line; ARCHWRIGHT_DEBUG=1 shows the stack for a bug report.
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`archwright: internal error: ${oneLine(message, 400)}\n`);
    if (io.env.ARCHWRIGHT_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    return 2;
  }
}
