import { describe, expect, it } from 'vitest';
import { lintMarkdown, run, starterDesigns } from '../contracts/test-support';
import { projectReadmeGenerator } from './project-readme';

const starters = starterDesigns();
const ecommerce = starters.find((s) => s.id === 'ecommerce')!.design;

describe('project-readme', () => {
  it('passes markdownlint for every starter and every target combination', async () => {
    for (const { id, design } of starters) {
      for (const targets of [[], ['compose'], ['k8s'], ['compose', 'k8s', 'do']] as const) {
        const files = run(projectReadmeGenerator, design, { targets: [...targets], observability: targets.length > 1 });
        expect(files.map((f) => f.path)).toEqual(['README.md']);
        expect(await lintMarkdown(files), `${id} ${targets.join(',')}`).toEqual([]);
      }
    }
  });

  it('explains compose, Kubernetes, DigitalOcean and local runs for the targets picked', () => {
    const all = run(projectReadmeGenerator, ecommerce, { targets: ['compose', 'k8s', 'do'] })[0].content;
    expect(all).toContain('docker compose up -d --build');
    expect(all).toContain('kubectl apply -k k8s/');
    expect(all).toContain('doctl apps create --spec .do/app.yaml');
    expect(all).toContain('(cd services/orders && npm install && npm run build && npm start)');
    expect(all).toContain('## Layout');
    const none = run(projectReadmeGenerator, ecommerce, { targets: [] })[0].content;
    expect(none).not.toContain('docker compose up');
    expect(none).not.toContain('kubectl');
    expect(none).toContain('## Run a service locally');
  });

  it('matches the snapshot on the e-commerce template', () => {
    expect(run(projectReadmeGenerator, ecommerce)).toMatchSnapshot();
  });
});
