import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { isSafeOutputPath } from '../../index';
import { hostileDesign } from './hostile-design';
import { TS_PACKAGE_VERSIONS } from './packages';
import { allOn, generateWith, loadDesign } from './test-utils';

const ecommerce = loadDesign('ecommerce.archwright.yaml');

/** Syntax errors of a TypeScript file (no type check: that needs the installed packages). */
function syntaxErrors(path: string, text: string): string[] {
  const out = ts.transpileModule(text, { fileName: path, reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  return (out.diagnostics ?? []).map((d) => `${path}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** Arguments of every call of `callee` in a file (from the AST: text in strings and comments does not count). */
function calls(path: string, text: string, callee: string): string[] {
  const out: string[] = [];
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.getText(source) === callee) out.push(node.arguments.map((a) => a.getText(source)).join(', '));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('fastify-service', { timeout: 120_000 }, () => {
  it('matches the snapshot for the e-commerce template (notifications is on fastify)', () => {
    const files = generateWith('fastify-service', ecommerce);
    expect(files.every((f) => f.path.startsWith('services/notifications/'))).toBe(true);
    expect(Object.fromEntries(files.map((f) => [f.path, f.content]))).toMatchSnapshot();
  });

  it('is deterministic', () => {
    const a = generateWith('fastify-service', ecommerce, allOn(ecommerce, 'fastify'));
    const b = generateWith('fastify-service', ecommerce, allOn(ecommerce, 'fastify'));
    expect(b).toEqual(a);
  });

  it('emits parseable TypeScript and JSON, pinned versions and no leftover placeholders, for every service', () => {
    const files = generateWith('fastify-service', ecommerce, allOn(ecommerce, 'fastify'));
    expect(new Set(files.map((f) => f.path.split('/')[1]))).toEqual(new Set(['catalog', 'users', 'orders', 'payments', 'inventory', 'notifications']));
    const errors: string[] = [];
    for (const f of files) {
      expect(isSafeOutputPath(f.path)).toBe(true);
      expect(f.content).not.toMatch(/\{\{\s*[A-Za-z]/);
      if (f.path.endsWith('.ts')) errors.push(...syntaxErrors(f.path, f.content));
      if (f.path.endsWith('package.json')) {
        const pkg = JSON.parse(f.content) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
        for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
          expect(version).toBe(TS_PACKAGE_VERSIONS[name as keyof typeof TS_PACKAGE_VERSIONS]);
        }
      }
    }
    expect(errors).toEqual([]);
  });

  it('wires what each service needs: outbox and broker for orders, cache for catalog, memory store without a database', () => {
    const files = generateWith('fastify-service', ecommerce, allOn(ecommerce, 'fastify'));
    const text = (p: string) => files.find((f) => f.path === p)?.content ?? '';
    expect(text('services/orders/src/dependencies.ts')).toContain('new OutboxRelay(');
    expect(text('services/orders/src/dependencies.ts')).toContain('new RabbitMqBroker("rabbitmq"');
    expect(text('services/orders/src/events.ts')).toContain('routingKey: "orderplaced.v1"');
    expect(text('services/orders/src/clients.ts')).toContain('timeoutMs: 1000, retries: 2, circuitBreaker: { failureThreshold: 5, resetTimeoutMs: 20000 }');
    expect(text('services/catalog/src/dependencies.ts')).toContain('new Redis(config["CATALOG_CACHE_URL"]');
    expect(text('services/payments/src/clients.ts')).toContain('authorization: `Bearer ${config["STRIPE_API_KEY"]}`');
    expect(text('services/notifications/src/handlers.ts')).toContain('export const onOrderPlacedV1: EventHandler');
    expect(text('services/orders/Dockerfile')).toContain('COPY --chown=1000:1000 migrations ./migrations');
    expect(text('services/orders/Dockerfile')).toMatch(/^FROM node:20-bookworm-slim AS build$/m);
  });

  it('keeps hostile names out of code: everything still parses and nothing breaks out of a string or comment', () => {
    const design = hostileDesign();
    const files = generateWith('fastify-service', design);
    expect(files.length).toBeGreaterThan(0);
    const errors: string[] = [];
    for (const f of files) {
      expect(isSafeOutputPath(f.path)).toBe(true);
      if (f.path.endsWith('.ts')) {
        errors.push(...syntaxErrors(f.path, f.content));
        // The only calls of process.exit are the generated ones in main.ts.
        const exits = calls(f.path, f.content, 'process.exit');
        expect(exits, f.path).toEqual(f.path.endsWith('src/main.ts') ? ['1', '1'] : []);
      }
      if (f.path.endsWith('.json')) expect(() => JSON.parse(f.content)).not.toThrow();
    }
    expect(errors).toEqual([]);
    const routes = files.find((f) => f.path === 'services/alpha/src/routes.ts')!.content;
    expect(routes).not.toContain("'/health/live'");
    expect(routes).toContain('app.delete("/things"');
    expect(routes.match(/app\.put\("\/a\/:/g)).toHaveLength(1);
    const events = files.find((f) => f.path === 'services/alpha/src/events.ts')!.content;
    expect(events).toContain('["__proto__"]: z.number().int()');
  });
});
