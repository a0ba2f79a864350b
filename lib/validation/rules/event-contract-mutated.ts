import { z } from 'zod';
import type { DesignEvent, EventField } from '@/lib/model';
import { eventKey } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type Finding } from '../types';

/** What changed from the published fields to the current ones, in words; empty when nothing did. */
function changes(published: readonly EventField[], current: readonly EventField[], allowOptionalAdditions: boolean): string[] {
  const before = new Map(published.map((f) => [f.name, f]));
  const after = new Map(current.map((f) => [f.name, f]));
  const out: string[] = [];
  for (const [name, f] of before) {
    const now = after.get(name);
    if (!now) out.push(`removed ${name}`);
    else {
      if (now.type !== f.type) out.push(`${name} ${f.type}→${now.type}`);
      if (now.required !== f.required) out.push(`${name} now ${now.required ? 'required' : 'optional'}`);
    }
  }
  for (const [name, f] of after) {
    if (before.has(name) || (allowOptionalAdditions && !f.required)) continue;
    out.push(`added ${f.required ? 'required ' : ''}${name}`);
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'event-contract-mutated',
    title: 'Published event contract changed',
    category: 'contracts',
    defaultSeverity: 'error',
    description:
      'Consumers of a published event version were built against its fields; changing them in place breaks consumers that deploy on their own schedule, and replayed or queued messages no longer match. Published versions are append-only history.',
    fix: 'Restore the published fields and publish the change as a new version (V2) next to the old one; retire V1 once no consumer needs it.',
    references: [REF.schemaEvolution, REF.optima],
    options: z.object({
      /** Allow adding optional fields to a published version (backward-compatible evolution). */
      allowOptionalAdditions: z.boolean().default(false),
    }),
  },
  check(ctx) {
    const out: Finding[] = [];
    // A second definition of a published name@version is a mutation too.
    const publishedByKey = new Map<string, DesignEvent>();
    for (let at = 0; at < ctx.design.events.length; at++) {
      const ev = ctx.design.events[at];
      if (ev.published && !publishedByKey.has(eventKey(ev.name, ev.version))) publishedByKey.set(eventKey(ev.name, ev.version), ev);
    }
    for (let at = 0; at < ctx.design.events.length; at++) {
      const ev = ctx.design.events[at];
      const baseline = ev.published ?? publishedByKey.get(eventKey(ev.name, ev.version))?.published;
      if (!baseline) continue;
      const diff = changes(baseline.fields, ev.fields, ctx.options.allowOptionalAdditions);
      if (diff.length === 0) continue;
      out.push(
        ctx.newFinding(
          `${ev.name} v${ev.version} was published and has changed (${ctx.list(diff, 4)}): publish the change as v${ev.version + 1} instead.`,
          [ev.id],
          [{ id: 'bump-event-version', title: `Publish as ${ev.name} v${ev.version + 1}` }],
        ),
      );
    }
    return out;
  },
});
