/**
 * The stored form of a design, without zod: the JSON writer, and a quick read of a design this
 * build wrote itself (browser storage). The editor shows such a design at once and checks it
 * against the schema once the schema has loaded; anything that does not look exactly like what
 * `serializeDesignJson` writes for this format version is left to that full check (null here).
 */
import { EDGE_KINDS, LIMITS, NODE_KINDS } from './kinds';
import type { Design } from './schema';
import { DESIGN_VERSION } from './version';

const NODE_KIND_SET: ReadonlySet<string> = new Set(NODE_KINDS);
const EDGE_KIND_SET: ReadonlySet<string> = new Set(EDGE_KINDS);
const LISTS = ['nodes', 'edges', 'events', 'groups', 'views', 'flows', 'decisions'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= LIMITS.idLength;
const isPoint = (v: unknown) => isObject(v) && Number.isFinite(v.x) && Number.isFinite(v.y);

/** Every element has what the canvas reads (ids, kinds, names, positions); the rest is checked later. */
function plausible(d: Record<string, unknown>): boolean {
  if (typeof d.name !== 'string' || typeof d.description !== 'string' || !isObject(d.settings)) return false;
  if (!Array.isArray(d.settings.suppressions) || !isObject(d.settings.rules)) return false;
  for (const k of LISTS) if (!Array.isArray(d[k])) return false;
  const nodes = d.nodes as unknown[];
  const edges = d.edges as unknown[];
  if (nodes.length > LIMITS.nodes || edges.length > LIMITS.edges) return false;
  for (const n of nodes) {
    if (!isObject(n) || !isId(n.id) || typeof n.kind !== 'string' || !NODE_KIND_SET.has(n.kind) || typeof n.name !== 'string' || !isPoint(n.position)) return false;
    if (n.parentId !== undefined && !isId(n.parentId)) return false;
  }
  for (const e of edges) {
    if (!isObject(e) || !isId(e.id) || typeof e.kind !== 'string' || !EDGE_KIND_SET.has(e.kind) || !isId(e.source) || !isId(e.target)) return false;
  }
  for (const g of d.groups as unknown[]) {
    if (!isObject(g) || !isId(g.id) || typeof g.name !== 'string' || !isPoint(g.position) || !isObject(g.size)) return false;
    if (!Number.isFinite(g.size.width) || !Number.isFinite(g.size.height)) return false;
  }
  return true;
}

// JSON.parse makes "__proto__" an own key rather than a prototype; drop such keys anyway, as the full parser does.
const reviver = (key: string, value: unknown) => (key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value);

/**
 * The design in `raw` (a stored `{ archwright, design }` JSON envelope) when it is of the current
 * format and shaped like a saved design; otherwise null: parse it with parseDesignJson instead.
 */
export function readStoredDesign(raw: string | null): Design | null {
  if (!raw) return null;
  let env: unknown;
  try {
    env = JSON.parse(raw, reviver);
  } catch {
    return null;
  }
  if (!isObject(env) || env.archwright !== DESIGN_VERSION || !isObject(env.design)) return null;
  return plausible(env.design) ? (env.design as Design) : null;
}

/** Wraps a design in the versioned envelope. */
export function toEnvelope(design: Design): { archwright: number; design: Design } {
  return { archwright: DESIGN_VERSION, design };
}

/** Serializes a design as a pretty JSON file. */
export function serializeDesignJson(design: Design): string {
  return `${JSON.stringify(toEnvelope(design), null, 2)}\n`;
}
