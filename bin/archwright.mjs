#!/usr/bin/env node
// The archwright command. The CLI is TypeScript (lib/cli); tsx compiles it on the fly with this
// package's tsconfig, so its `@/` path aliases resolve from any working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// `archwright validate x | head` closes the pipe early: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

let main;
const tsconfig = path.join(root, 'tsconfig.json');
const priorTsconfig = process.env.TSX_TSCONFIG_PATH;
try {
  const { tsImport } = await import('tsx/esm/api');
  // tsx's CommonJS hook (our .ts files compile to CJS: no "type": "module") reads the tsconfig
  // only from this variable, not from tsImport's option; both are set so either hook finds it.
  process.env.TSX_TSCONFIG_PATH = tsconfig;
  const mod = await tsImport('../lib/cli/main.ts', { parentURL: import.meta.url, tsconfig });
  main = mod.main ?? mod.default?.main;
  if (typeof main !== 'function') throw new Error('lib/cli/main.ts exports no main()');
} catch (err) {
  process.stderr.write(`archwright: could not start the CLI (${String(err?.message ?? err).split('\n')[0]}). Run "npm install" in ${root}.\n`);
  process.exit(2);
} finally {
  if (priorTsconfig === undefined) delete process.env.TSX_TSCONFIG_PATH;
  else process.env.TSX_TSCONFIG_PATH = priorTsconfig;
}

const env = process.env;
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env,
  packageRoot: root,
  color: env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb',
});
