import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextFor, run, starterDesigns } from '../contracts/test-support';
import { makeComment, makefileGenerator } from './makefile';

const starters = starterDesigns();
const hasMake = existsSync('/usr/bin/make') || existsSync('/bin/make');

/** `make -n <targets>` in a temp dir: the commands make would run (throws when make rejects the file). */
function dryRun(content: string, targets: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archwright-make-'));
  try {
    writeFileSync(path.join(dir, 'Makefile'), content);
    return execFileSync('make', ['-n', '--no-print-directory', ...targets], { cwd: dir, stdio: 'pipe' }).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('makefile', () => {
  it('keeps comments on one line', () => {
    expect(makeComment('a\nb \\')).toBe('a b ');
  });

  it('has up, down, test, build, lint, k8s-apply and per-service targets that make accepts, for every starter', () => {
    if (!hasMake) console.warn('SKIPPED: make is not installed; only the text of the Makefiles was checked.');
    for (const { id, design } of starters) {
      const { project } = contextFor(design);
      const [file] = run(makefileGenerator, design, { targets: ['compose', 'k8s'] });
      expect(file.path).toBe('Makefile');
      const targets = ['up', 'down', 'test', 'build', 'lint', 'docker', 'k8s-apply', ...project.services.flatMap((s) => ['test', 'build', 'lint', 'docker', 'run'].map((t) => `${t}-${s.name}`))];
      for (const t of targets) expect(file.content, `${id} ${t}`).toMatch(new RegExp(`^${t}:`, 'm'));
      expect(file.content).toMatch(/^\t/m);
      if (!hasMake) continue;
      const out = dryRun(file.content, ['up', 'k8s-apply', 'test', 'help']);
      expect(out).toContain('docker compose up -d --build');
      expect(out).toContain('kubectl apply -k k8s/');
      for (const s of project.services) expect(out).toContain(`cd 'services/${s.name}' && `);
    }
  });

  it('leaves out compose and k8s targets when those targets are not exported', () => {
    const [file] = run(makefileGenerator, starters[0].design, { targets: [] });
    expect(file.content).not.toMatch(/^(up|down|k8s-apply):/m);
    if (hasMake) dryRun(file.content, ['test']);
  });

  it('matches the snapshot on the e-commerce template', () => {
    expect(run(makefileGenerator, starters.find((s) => s.id === 'ecommerce')!.design)).toMatchSnapshot();
  });
});
