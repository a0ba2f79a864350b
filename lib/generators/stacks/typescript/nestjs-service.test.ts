import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { isSafeOutputPath } from '../../index';
import { hostileDesign } from './hostile-design';
import { allOn, generateWith, loadDesign } from './test-utils';

/** Syntax errors of a TypeScript file (no type check: that needs the installed packages). */
function syntaxErrors(path: string, text: string): string[] {
  const out = ts.transpileModule(text, {
    fileName: path,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, experimentalDecorators: true },
  });
  return (out.diagnostics ?? []).map((d) => `${path}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('nestjs-service', { timeout: 120_000 }, () => {
  it('matches the snapshot for the restaurant template (bookings-api is on nestjs)', () => {
    const restaurant = loadDesign('restaurant.archwright.yaml');
    const files = generateWith('nestjs-service', restaurant);
    expect(files.length).toBeGreaterThan(0);
    expect(Object.fromEntries(files.map((f) => [f.path, f.content]))).toMatchSnapshot();
  });

  it('gives each resource a module and controller, registered in the app module', () => {
    const ecommerce = loadDesign('ecommerce.archwright.yaml');
    const files = generateWith('nestjs-service', ecommerce);
    const text = (p: string) => files.find((f) => f.path === p)?.content ?? '';
    expect(text('services/catalog/src/app.module.ts')).toContain('imports: [CoreModule.forRoot(options), HealthModule, ProductsModule, CategoriesModule]');
    const controller = text('services/catalog/src/products/products.controller.ts');
    expect(controller).toContain('@Put("/products/:id")');
    expect(controller).toContain('export class ProductsController');
    expect(text('services/users/src/users/users.controller.ts')).toContain('@Post("/users")');
    expect(JSON.parse(text('services/orders/package.json')).dependencies['@nestjs/platform-fastify']).toBe('11.2.8');
    expect(files.some((f) => f.path.startsWith('services/notifications/'))).toBe(false);
  });

  it('keeps hostile names out of code: everything still parses', () => {
    const design = hostileDesign();
    const files = generateWith('nestjs-service', design, allOn(design, 'nestjs'));
    const errors: string[] = [];
    for (const f of files) {
      expect(isSafeOutputPath(f.path)).toBe(true);
      expect(f.content).not.toMatch(/\{\{\s*[A-Za-z]/);
      if (f.path.endsWith('.ts')) errors.push(...syntaxErrors(f.path, f.content));
    }
    expect(errors).toEqual([]);
    expect(files.map((f) => f.path)).toContain('services/alpha/src/root/root.controller.ts');
  });
});
