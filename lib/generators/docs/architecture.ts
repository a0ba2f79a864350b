// docs/architecture.md: a Mermaid flowchart of the design (bounded contexts as subgraphs; node ids
// generated, labels quoted and entity-escaped) and tables of contexts, services, data stores,
// events and synchronous calls.
import type { NodeKind } from '@/lib/model';
import type { EdgeEntry, NodeEntry } from '@/lib/graph';
import { snakeIdent } from '../escape';
import { render } from '../render';
import { eventVersions } from '../contracts/events';
import type { GeneratedFile, Generator, GeneratorContext } from '../types';
import { mdCell, mdCode, mdFinish, mdHeading, mdParagraphs, mdProse, mdTable } from './markdown';

const T = 'docs/architecture.md';

/**
 * Text for a quoted Mermaid label: one line, at most `max` characters, with every character that
 * could end the string, open markup or an entity written as a Mermaid entity code (#quot; …).
 */
export function mermaidText(value: string, max = 80): string {
  const flat = value
    .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut.replace(/[#"<>`&|\\]/g, (c) => `#${c.charCodeAt(0)};`);
}

const SHAPES: Record<NodeKind, [string, string]> = {
  service: ['["', '"]'],
  gateway: ['{{"', '"}}'],
  broker: ['[["', '"]]'],
  database: ['[("', '")]'],
  cache: ['(("', '"))'],
  external: ['>"', '"]'],
  client: ['(["', '"])'],
  observability: ['[/"', '"/]'],
};

function edgeLine(e: EdgeEntry, id: (n: NodeEntry) => string): string {
  const a = id(e.source);
  const b = id(e.target);
  const edge = e.edge;
  switch (edge.kind) {
    case 'call':
      return `  ${a} -->|"${mermaidText(`${edge.protocol.toUpperCase()}${edge.label ? ` ${edge.label}` : ''}`, 40)}"| ${b}`;
    case 'publish':
    case 'subscribe':
      return `  ${a} -.->|"${mermaidText(`${edge.event} v${edge.version}`, 40)}"| ${b}`;
    case 'data':
      return `  ${a} ---|"${mermaidText(edge.access, 20)}"| ${b}`;
  }
}

/** The Mermaid flowchart of a design. */
export function mermaidFlowchart(ctx: GeneratorContext): string {
  const { graph, design, project } = ctx;
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const n of graph.nodeList) {
    const base = `n_${snakeIdent(project.nameOf.get(n.id) ?? n.name, 'node').replace(/^_+/, '')}`;
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    ids.set(n.id, id);
  }
  const id = (n: NodeEntry) => ids.get(n.id)!;
  const decl = (n: NodeEntry, indent: string) => {
    const [open, close] = SHAPES[n.kind];
    const name = project.nameOf.get(n.id) ?? n.name;
    const label = n.node.label && n.node.label !== name ? `${n.node.label} (${name})` : name;
    return `${indent}${id(n)}${open}${mermaidText(label)}${close}`;
  };
  const lines = ['flowchart LR'];
  const groupIds = new Set(design.groups.map((g) => g.id));
  design.groups.forEach((g, i) => {
    const members = graph.nodeList.filter((n) => n.node.parentId === g.id);
    if (members.length === 0) return;
    lines.push(`  subgraph g_${i}["${mermaidText(g.name)}"]`);
    for (const n of members) lines.push(decl(n, '    '));
    lines.push('  end');
  });
  for (const n of graph.nodeList) if (!n.node.parentId || !groupIds.has(n.node.parentId)) lines.push(decl(n, '  '));
  for (const e of graph.edgeList) lines.push(edgeLine(e, id));
  return lines.join('\n');
}

export const architectureGenerator: Generator = {
  id: 'architecture',
  title: 'Architecture overview with a Mermaid diagram',
  generate(ctx): GeneratedFile[] {
    const { project, graph, design } = ctx;
    const nameOf = (id: string) => project.nameOf.get(id) ?? graph.nodes.get(id)?.name ?? id;
    const groups = design.groups.filter((g) => graph.nodeList.some((n) => n.node.parentId === g.id));
    const contextsTable = groups.length
      ? mdTable(
          ['Bounded context', 'Members', 'Description'],
          groups.map((g) => [
            mdCell(g.name),
            graph.nodeList
              .filter((n) => n.node.parentId === g.id)
              .map((n) => mdCode(nameOf(n.id)))
              .join(', '),
            mdCell(g.description),
          ]),
        )
      : 'The design has no bounded contexts (groups) yet.';
    const servicesTable = project.services.length
      ? mdTable(
          ['Service', 'Name', 'Stack', 'Port', 'Replicas', 'Owner', 'Data', 'Publishes', 'Consumes'],
          project.services.map((s) => [
            mdCode(s.name),
            mdCell(s.title),
            s.stack,
            String(s.port),
            String(s.replicas),
            mdCell(s.node.ownerTeam),
            s.datastores.map((d) => mdCode(d.name)).join(', ') || '-',
            [...new Set(s.publishes.map((e) => `${e.event} v${e.version}`))].map(mdProse).join(', ') || '-',
            [...new Set(s.consumes.map((e) => `${e.event} v${e.version}`))].map(mdProse).join(', ') || '-',
          ]),
        )
      : 'The design has no services yet.';
    const storesTable = project.datastores.length
      ? mdTable(
          ['Store', 'Kind', 'Technology', 'Owner', 'Used by'],
          project.datastores.map((d) => {
            const info = graph.dataStores.find((i) => i.node.id === d.id);
            return [mdCode(d.name), d.kind, d.technology, d.ownerServiceId ? mdCode(nameOf(d.ownerServiceId)) : '-', (info?.accessors ?? []).map((a) => mdCode(nameOf(a.id))).join(', ') || '-'];
          }),
        )
      : 'The design has no databases or caches.';
    const versions = eventVersions(project, graph);
    const eventsTable = versions.length
      ? mdTable(
          ['Event', 'Version', 'Status', 'Owner', 'Publishers', 'Subscribers', 'Fields'],
          versions.map((v) => {
            const ch = graph.eventChannel(v.name, v.version);
            return [
              mdCell(v.name),
              String(v.version),
              v.published ? 'published' : v.defined ? 'draft' : 'not designed',
              v.ownerId ? mdCode(nameOf(v.ownerId)) : '-',
              (ch?.publisherServices ?? []).map((n) => mdCode(nameOf(n.id))).join(', ') || '-',
              (ch?.subscriberServices ?? []).map((n) => mdCode(nameOf(n.id))).join(', ') || '-',
              v.fields.map((f) => `${mdProse(f.name)}: ${f.type}${f.required ? '' : '?'}`).join(', ') || '-',
            ];
          }),
        )
      : 'The design has no events.';
    const calls = project.services.flatMap((s) => s.calls.map((c) => ({ s, c })));
    const callsTable = calls.length
      ? mdTable(
          ['From', 'To', 'Protocol', 'Timeout', 'Retries', 'Circuit breaker', 'Idempotency key'],
          calls.map(({ s, c }) => [
            mdCode(s.name),
            mdCode(c.targetName),
            c.protocol,
            `${c.timeoutMs} ms${c.timeoutFromDesign ? '' : ' (default)'}`,
            String(c.retries),
            c.circuitBreaker ? `after ${c.circuitBreaker.failureThreshold} failures, ${c.circuitBreaker.resetTimeoutMs} ms` : 'none',
            c.idempotencyKey ? 'yes' : 'no',
          ]),
        )
      : 'No service calls another service or an external system synchronously.';
    const content = render(
      ctx.templates.get(T),
      {
        title: mdHeading(project.title, 'Project'),
        description: mdParagraphs(design.description, 'No description yet.'),
        mermaid: mermaidFlowchart(ctx),
        contextsTable,
        servicesTable,
        storesTable,
        eventsTable,
        callsTable,
      },
      T,
    );
    return [{ path: 'docs/architecture.md', content: mdFinish(content) }];
  },
};
