import { describe, expect, it } from 'vitest';
import { buildProject } from './project';
import { DEFAULT_VERSIONS } from './versions';
import { getGraph } from '@/lib/graph';
import { designSchema } from '@/lib/model';
import { camelIdent, channelName, commentText, constantIdent, mdText, pascalIdent, safeHttpUrl, safePath, shQuote, snakeIdent, tsString } from './escape';

describe('escape', () => {
  it('string literals escape quotes, backslashes, newlines and line separators', () => {
    const s = tsString('a"b\\c\nd\u2028e');
    expect(s).toBe('"a\\"b\\\\c\\nd\\u2028e"');
    expect(JSON.parse(s)).toBe('a"b\\c\nd\u2028e');
  });

  it('comments never close early or span lines', () => {
    expect(commentText('evil */ code\nnext')).toBe('evil * / code next');
    expect(commentText('a\u0085b\u2028c\u2029d\te')).toBe('a b c de');
  });

  it('markdown text is one trimmed line with syntax escaped', () => {
    expect(mdText('  *bold*\t[x](y)\n# h  ')).toBe('\\*bold\\* \\[x\\]\\(y\\) \\# h');
  });

  it('shell words are single-quoted', () => {
    expect(shQuote(`it's $(rm -rf /)`)).toBe(`'it'\\''s $(rm -rf /)'`);
  });

  it('identifiers are valid in every language and never start with a digit', () => {
    expect(pascalIdent('order placed!')).toBe('OrderPlaced');
    expect(pascalIdent('3d models')).toBe('_3dModels');
    expect(camelIdent('Order-Placed')).toBe('orderPlaced');
    expect(snakeIdent('OrderPlaced v2')).toBe('order_placed_v2');
    expect(constantIdent('orders-db')).toBe('ORDERS_DB');
    expect(pascalIdent('"; drop table')).toBe('DropTable');
    expect(pascalIdent('💥')).toBe('Item');
  });

  it('channel names keep only broker-safe characters', () => {
    expect(channelName('Orders Events/"x"')).toBe('orders-events-x');
    expect(channelName('...')).toBe('events');
  });

  it('paths drop unsafe characters and dot segments', () => {
    expect(safePath('/api/../admin')).toBe('/api/admin');
    expect(safePath('/orders/{id}; return 200')).toBe('/orders/{id}return200');
    expect(safePath('no-slash')).toBe('/no-slash');
    expect(safePath('/./.')).toBe('/');
  });
});

describe('project env names', () => {
  it('names that differ only in dashes still get distinct env vars', () => {
    const design = designSchema.parse({
      nodes: [
        { id: 's', kind: 'service', name: 'api', position: { x: 0, y: 0 } },
        { id: 'a', kind: 'database', name: 'a-b', position: { x: 0, y: 0 } },
        { id: 'b', kind: 'database', name: 'a--b', position: { x: 0, y: 0 } },
      ],
      edges: [
        { id: 'e1', kind: 'data', source: 's', target: 'a' },
        { id: 'e2', kind: 'data', source: 's', target: 'b' },
      ],
    });
    const project = buildProject(design, getGraph(design), { stacks: {}, observability: false, versions: DEFAULT_VERSIONS });
    const env = project.services[0].env.map((e) => e.name);
    expect(env).toContain('A_B_URL');
    expect(env).toContain('A_B_2_URL');
    expect(project.datastores.map((d) => d.passwordEnv)).toEqual(['A_B_PASSWORD', 'A_B_2_PASSWORD']);
  });
});

describe('safeHttpUrl', () => {
  it('keeps ordinary URLs as typed and makes the rest ASCII', () => {
    expect(safeHttpUrl('https://api.example.com')).toBe('https://api.example.com');
    expect(safeHttpUrl('https://api.example.com/v1/')).toBe('https://api.example.com/v1/');
    expect(safeHttpUrl('https://Ω☃.io')).toBe('https://xn--bya836o.io');
    expect(safeHttpUrl('https://x.io/;}{')).toBe('https://x.io/;%7D%7B');
  });
  it('refuses other schemes and anything a shell or template would act on', () => {
    for (const bad of ['javascript:alert(1)', 'ftp://x.io', '', 'not a url', "https://x.io/a'b", 'https://x.io/$(id)']) expect(safeHttpUrl(bad), bad).toBeUndefined();
  });
});
