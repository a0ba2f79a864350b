import { describe, expect, it } from 'vitest';
import { checkMermaid, lintMarkdown, mermaidLines, run, starterDesigns } from '../contracts/test-support';
import { architectureGenerator, mermaidText } from './architecture';

const starters = starterDesigns();

describe('architecture', () => {
  it('escapes labels into Mermaid entity codes', () => {
    expect(mermaidText('a "b" <c> #d `e` & | \\')).toBe('a #34;b#34; #60;c#62; #35;d #96;e#96; #38; #124; #92;');
    expect(mermaidText('line\nbreak\u2028x')).toBe('line break x');
    expect(mermaidText('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('writes docs/architecture.md with a well-formed Mermaid flowchart and tables, passing markdownlint, for every starter', async () => {
    for (const { id, design } of starters) {
      const files = run(architectureGenerator, design);
      expect(files.map((f) => f.path)).toEqual(['docs/architecture.md']);
      const md = files[0].content;
      expect(await lintMarkdown(files), id).toEqual([]);
      const lines = mermaidLines(md);
      expect(checkMermaid(lines), id).toEqual([]);
      // Every node and every edge of the design is drawn.
      expect(lines.filter((l) => /^\s+n_\S+[[({>]/.test(l) && !/\|/.test(l))).toHaveLength(design.nodes.length);
      expect(lines.filter((l) => /\|"/.test(l))).toHaveLength(design.edges.length);
      for (const h of ['## Services', '## Data stores', '## Events', '## Synchronous calls', '## Bounded contexts']) expect(md).toContain(h);
    }
  });

  it('matches the snapshot on the e-commerce template', () => {
    expect(run(architectureGenerator, starters.find((s) => s.id === 'ecommerce')!.design)).toMatchSnapshot();
  });
});
