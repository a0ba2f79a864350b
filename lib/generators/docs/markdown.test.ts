import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lintMarkdown } from '../contracts/test-support';
import { mdCell, mdCode, mdFinish, mdHeading, mdList, mdParagraphs, mdProse, mdTable } from './markdown';

const HOSTILE = ['# heading', '- item', '1. item', '---', '===', '> quote', '```js', '<script>alert(1)</script>', '[x](javascript:alert(1))', 'https://evil.example/a_b', 'www.example.com', 'mail me@x.io', 'a | b', '*bold* _em_', '\ttab', 'trailing  ', '&copy; &#169;', '\\', '`code`', 'x\u2028y\u0000z'];

// The document's text outside code spans and backslash escapes, scanned left to right as a
// CommonMark parser does: inside a code span a backslash is literal, so `<?\` is a whole span.
function outsideCode(doc: string): string {
  let out = '';
  for (let i = 0; i < doc.length; i++) {
    const c = doc[i];
    if (c === '\\') i++;
    else if (c === '`') {
      const end = doc.indexOf('`', i + 1);
      i = end < 0 ? doc.length : end;
    } else out += c;
  }
  return out;
}

describe('markdown helpers', () => {
  it('markdownlint flags what the helpers prevent (the check has teeth)', async () => {
    expect(await lintMarkdown([{ path: 'a.md', content: '# T\n\nSee https://example.com\n' }])).not.toEqual([]);
    expect(await lintMarkdown([{ path: 'a.md', content: '# T\n\n## Done.\n' }])).not.toEqual([]);
  });

  it('keeps hostile text from changing structure or tripping markdownlint', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })), { minLength: 1, maxLength: 6 }), async (texts) => {
        const joined = texts.join(' ');
        const doc = mdFinish(
          [
            `# ${mdHeading(joined)}`,
            '',
            mdParagraphs(texts.join('\n\n'), 'empty'),
            '',
            `## ${mdHeading(texts[0], 'Second')}`,
            '',
            mdList(texts.map(mdProse).filter(Boolean)),
            '',
            mdTable(['A', 'B'], texts.map((t) => [mdCell(t), mdCode(t)])),
          ].join('\n'),
        );
        expect(await lintMarkdown([{ path: 'x.md', content: doc }])).toEqual([]);
        // Exactly two headings, one list, one table: user text added no structure.
        expect(doc.match(/^#{1,6} /gm)).toHaveLength(2);
        // No raw HTML outside code spans (escaped characters are text).
        expect(outsideCode(doc)).not.toMatch(/<[a-z/!?]/i);
      }),
      // The first example is the CI counterexample of 2026-11: a code span ending in a backslash.
      { numRuns: 100, examples: [[['<?\\', '']]] },
    );
  }, 60_000);

  it('escapes autolinks, list markers and entities', () => {
    expect(mdProse('see https://x.io or www.y.io, mail a@b.c')).toBe('see https\\://x.io or www\\.y.io, mail a\\@b.c');
    expect(mdProse('- x')).toBe('\\- x');
    expect(mdProse('12. x')).toBe('12\\. x');
    expect(mdProse('AT&T')).toBe('AT&amp;T');
    expect(mdHeading('Done!!  ')).toBe('Done');
    expect(mdCode(' a|b ')).toBe('`a\\|b`');
  });
});
