import { describe, expect, it } from 'vitest';
import { contextFor, lintMarkdown, run, starterDesigns } from '../contracts/test-support';
import { roadmapGenerator } from './roadmap';

const starters = starterDesigns();
const PHASES = ['Data model', 'Contracts', 'Services', 'Integrations', 'Deployment', 'Documentation', 'Testing'];

describe('roadmap', () => {
  it('has the seven phases in order, each listing every service, passing markdownlint, for every starter', async () => {
    for (const { id, design } of starters) {
      const files = run(roadmapGenerator, design);
      expect(files.map((f) => f.path)).toEqual(['docs/roadmap.md']);
      const md = files[0].content;
      expect(await lintMarkdown(files), id).toEqual([]);
      const headings = [...md.matchAll(/^## Phase (\d): (.+)$/gm)].map((m) => m[2]);
      expect(headings).toEqual(PHASES);
      const sections = md.split(/^## Phase \d: .+$/m).slice(1);
      const { project } = contextFor(design);
      for (const [i, section] of sections.entries()) for (const s of project.services) expect(section, `${id} ${PHASES[i]} ${s.name}`).toContain(`- \`${s.name}\``);
    }
  });

  it('plans the e-commerce services concretely', () => {
    const md = run(roadmapGenerator, starters.find((s) => s.id === 'ecommerce')!.design)[0].content;
    expect(md).toContain('`services/orders/migrations/0001_init.sql`');
    expect(md).toContain('`processed_messages`');
    expect(md).toContain('Implement `POST /orders`');
    expect(md).toContain('Handle OrderPlaced v1 from `orders.events`');
    expect(md).toContain('Client for `stripe`');
    expect(md).toContain('End-to-end test of the flow Place order');
  });

  it('matches the snapshot on the e-commerce template', () => {
    expect(run(roadmapGenerator, starters.find((s) => s.id === 'ecommerce')!.design)).toMatchSnapshot();
  });
});
