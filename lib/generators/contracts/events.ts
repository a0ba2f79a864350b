// Event versions as the contracts describe them: one entry per event name + version, from the
// design's events (the published snapshot when the version is published, so a published version
// never changes) and from publish/subscribe edges that name an event the design does not define.
import type { EventField } from '@/lib/model';
import type { DesignGraph } from '@/lib/graph';
import { pascalIdent, snakeIdent } from '../escape';
import type { Project } from '../project';

export interface EventVersion {
  /** Event type as designed (free text: escape before use). */
  name: string;
  version: number;
  /** Unique PascalCase identifier with the version, e.g. OrderPlacedV1. */
  ident: string;
  /** Unique file stem, e.g. `order-placed.v1`. */
  stem: string;
  /** The fields of the contract: the frozen snapshot for published versions. */
  fields: EventField[];
  /** True when the version is published: its contract is append-only and never changes. */
  published: boolean;
  description: string;
  ownerId: string | undefined;
  /** False for events only named on edges (their payload is an open object). */
  defined: boolean;
}

/**
 * Fields with unique names (the first wins) that a JavaScript runtime can validate: a field named
 * `__proto__` is left out, since reading it on any object yields the prototype.
 */
function usableFields(fields: readonly EventField[]): EventField[] {
  const seen = new Set<string>();
  return fields.filter((f) => f.name !== '__proto__' && !seen.has(f.name) && (seen.add(f.name), true));
}

const key = (name: string, version: number) => `${name}\u0000${version}`;

/** Every event name + version of the design in a stable order: defined events first, then edge-only ones. */
export function eventVersions(project: Project, graph: DesignGraph): EventVersion[] {
  const out: EventVersion[] = [];
  const seen = new Set<string>();
  const idents = new Set<string>();
  const stems = new Set<string>();
  const claim = (wanted: string, taken: Set<string>, sep: string) => {
    let value = wanted;
    for (let i = 2; taken.has(value.toLowerCase()); i++) value = `${wanted}${sep}${i}`;
    taken.add(value.toLowerCase());
    return value;
  };
  const add = (name: string, version: number, fields: EventField[], extra: Pick<EventVersion, 'published' | 'description' | 'ownerId' | 'defined'>) => {
    const k = key(name, version);
    if (seen.has(k)) return;
    seen.add(k);
    const base = pascalIdent(name, 'Event');
    const ident = claim(`${/^_/.test(base) ? `Event${base}` : base}V${version}`, idents, '_');
    const stemBase = snakeIdent(name, 'event').replace(/^_+/, '').replace(/_/g, '-').slice(0, 80) || 'event';
    let stem = `${stemBase}.v${version}`;
    for (let i = 2; stems.has(stem); i++) stem = `${stemBase}-${i}.v${version}`;
    stems.add(stem);
    out.push({ name, version, ident, stem, fields, ...extra });
  };
  for (const { event } of project.events) {
    const published = event.published !== undefined;
    add(event.name, event.version, usableFields(published ? event.published!.fields : event.fields), {
      published,
      description: event.description,
      ownerId: event.ownerId,
      defined: true,
    });
  }
  for (const channel of graph.events) add(channel.event, channel.version, [], { published: false, description: '', ownerId: undefined, defined: false });
  return out;
}

/** The event version for a name and version, if the design has it. */
export function findEventVersion(versions: readonly EventVersion[], name: string, version: number): EventVersion | undefined {
  return versions.find((v) => v.name === name && v.version === version);
}

/** JSON Schema (draft 2020-12 / AsyncAPI schema subset) of one field. */
export function fieldJsonSchema(field: EventField): Record<string, unknown> {
  const base: Record<string, unknown> = (() => {
    switch (field.type) {
      case 'string':
        return { type: 'string' };
      case 'integer':
        return { type: 'integer' };
      case 'number':
        return { type: 'number' };
      case 'boolean':
        return { type: 'boolean' };
      case 'datetime':
        return { type: 'string', format: 'date-time' };
      case 'uuid':
        return { type: 'string', format: 'uuid' };
      case 'object':
        return { type: 'object' };
      case 'array':
        return { type: 'array' };
      default:
        return {};
    }
  })();
  if (field.description) base.description = field.description;
  return base;
}

/** Sets an own enumerable property, even for keys like `__proto__` (field names are free text). */
export function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** JSON Schema of an event version's `data`: its fields, extra properties allowed (consumers tolerate additions). */
export function dataJsonSchema(event: EventVersion): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const f of event.fields) {
    if (Object.prototype.hasOwnProperty.call(properties, f.name)) continue;
    setOwn(properties, f.name, fieldJsonSchema(f));
    if (f.required) required.push(f.name);
  }
  return {
    type: 'object',
    ...(event.description ? { description: event.description } : {}),
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: true,
  };
}
