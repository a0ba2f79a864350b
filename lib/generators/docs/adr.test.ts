import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { designSchema, type Design } from '@/lib/model';
import { lintMarkdown, run, starterDesigns } from '../contracts/test-support';
import { adrGenerator, slugify } from './adr';

const starters = starterDesigns();
const ecommerce = starters.find((s) => s.id === 'ecommerce')!.design;
const frontMatter = (md: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(md)![1]);

function withExtras(design: Design, extra: Partial<Design>): Design {
  return designSchema.parse({ ...design, ...extra, settings: { ...design.settings, ...(extra.settings ?? {}) } });
}

describe('adr', () => {
  it('slugifies titles into file names', () => {
    expect(slugify('Each service owns its database!')).toBe('each-service-owns-its-database');
    expect(slugify('Ünïcödé & "quotes" / ../../etc')).toBe('unicode-quotes-etc');
    expect(slugify('***')).toBe('decision');
  });

  it('writes 0001–0005, the design decisions and an index, all passing markdownlint, for every starter', async () => {
    for (const { id, design } of starters) {
      const files = run(adrGenerator, design);
      const paths = files.map((f) => f.path);
      expect(paths.slice(0, 5), id).toEqual([
        'docs/adr/0001-service-decomposition.md',
        'docs/adr/0002-communication.md',
        'docs/adr/0003-data-ownership.md',
        'docs/adr/0004-deployment.md',
        'docs/adr/0005-observability.md',
      ]);
      expect(paths).toHaveLength(5 + design.decisions.length + design.settings.suppressions.length + 1);
      expect(paths.at(-1)).toBe('docs/adr/README.md');
      expect(await lintMarkdown(files), id).toEqual([]);
      for (const f of files.slice(0, -1)) {
        expect(frontMatter(f.content).status).toMatch(/^(proposed|accepted|superseded|deprecated|rejected)$/);
        // MADR sections.
        for (const h of ['## Context and Problem Statement', '## Decision Outcome', '### Consequences']) expect(f.content, f.path).toContain(h);
      }
    }
  });

  it('uses the architecture context in ADR-0001, and says what to fill in when it is empty', () => {
    const withContext = withExtras(ecommerce, {
      context: {
        domain: 'Online retail',
        scale: '2k orders/min',
        latencySla: 'p99 < 300 ms',
        availability: '99.9%',
        strongConsistency: 'payments',
        eventualConsistency: 'notifications',
        compliance: 'PCI DSS',
        teams: 2,
        ownership: 'Checkout team owns orders',
        platform: 'kubernetes',
        rto: '1h',
        rpo: '5 min',
      },
    });
    const adr1 = run(adrGenerator, withContext)[0].content;
    for (const text of ['Online retail', 'p99 \\< 300 ms', 'payments', 'PCI DSS', 'RTO', '1h', '5 min']) expect(adr1).toContain(text);
    expect(adr1).toContain('2 teams own 6 services');
    expect(adr1).toContain('## Considered Options');
    expect(adr1).toContain('## Pros and Cons of the Options');
    expect(adr1).not.toContain('Not recorded yet');

    const empty = run(adrGenerator, withExtras(ecommerce, { context: undefined }))[0].content;
    expect(empty).toContain('The design has no architecture context yet');
    expect(empty).toContain('recovery objectives \\(RTO and RPO\\)');
  });

  it('turns design decisions and suppressions into records, the suppression reason as accepted risk', async () => {
    const design = withExtras(ecommerce, {
      decisions: [{ id: 'd1', title: 'Use **Kafka** <script>', status: 'proposed', context: 'Line one.\n\nhttps://example.com and a@b.co', decision: '- not a list\n# not a heading', consequences: '' }],
      settings: { ...ecommerce.settings, suppressions: [{ ruleId: 'shared-database', targetId: 'db-orders', reason: 'Reporting reads it nightly; replaced by events in Q3.' }] },
    } as Partial<Design>);
    const files = run(adrGenerator, design);
    const decision = files.find((f) => f.path.startsWith('docs/adr/0006-'))!;
    expect(decision.path).toBe('docs/adr/0006-use-kafka-script.md');
    expect(frontMatter(decision.content).status).toBe('proposed');
    expect(decision.content).toContain('# ADR-0006: Use \\*\\*Kafka\\*\\* \\<script\\>');
    expect(decision.content).toContain('Not recorded in the design.');
    const risk = files.find((f) => f.path.startsWith('docs/adr/0007-'))!;
    expect(risk.path).toBe('docs/adr/0007-accept-shared-database-orders-db.md');
    expect(risk.content).toContain('Accepted risk');
    expect(risk.content).toContain('Reporting reads it nightly; replaced by events in Q3.');
    expect(risk.content).toContain('the database orders-db');
    expect(files.at(-1)!.content).toContain('[0007](0007-accept-shared-database-orders-db.md)');
    expect(await lintMarkdown(files)).toEqual([]);
  });

  it('records shared databases in ADR-0003 with the schema each service keeps its tables in', async () => {
    const design = designSchema.parse({
      name: 'Shared',
      nodes: [
        { kind: 'service', id: 'a', name: 'orders', position: { x: 0, y: 0 } },
        { kind: 'service', id: 'b', name: 'billing', position: { x: 0, y: 0 } },
        { kind: 'database', id: 'db', name: 'main-db', technology: 'postgres', position: { x: 0, y: 0 } },
      ],
      edges: [
        { kind: 'data', id: 'e1', source: 'a', target: 'db' },
        { kind: 'data', id: 'e2', source: 'b', target: 'db' },
      ],
    });
    const files = run(adrGenerator, design);
    const adr3 = files[2].content;
    expect(adr3).toContain('# ADR-0003: Give every service its own database, with known shared stores');
    expect(adr3).toContain('`orders`: `orders`, `billing`: `billing`');
    expect(adr3).toContain('no owning service');
    expect(await lintMarkdown(files)).toEqual([]);
  });

  it('is deterministic and matches the snapshot on the e-commerce template', () => {
    expect(run(adrGenerator, ecommerce)).toEqual(run(adrGenerator, ecommerce));
    expect(run(adrGenerator, ecommerce)).toMatchSnapshot();
  });
});
