import { eventSchema, newId, type DesignEvent } from '@/lib/model';
import { defineFix } from './types';

const sameFields = (a: DesignEvent['fields'], b: DesignEvent['fields']) => JSON.stringify(a) === JSON.stringify(b);

export default defineFix({
  id: 'bump-event-version',
  description:
    'Keeps the published version as it was published and puts the change in the next version of the event (not yet published); publishers and subscribers move to it when they are ready.',
  apply(ctx) {
    const { draft } = ctx;
    const id = ctx.finding.targets[0];
    const index = draft.eventList.findIndex((e) => e.id === id);
    if (index === -1) return ctx.fail('This finding names no event.');
    const ev = draft.eventList[index];
    const next = Math.max(...draft.eventList.filter((e) => e.name === ev.name).map((e) => e.version)) + 1;
    if (next > 10_000) return ctx.fail(`${ev.name} has no version number left.`);
    if (ev.published) {
      if (sameFields(ev.published.fields, ev.fields)) return ctx.fail(`${ev.name} v${ev.version} still matches its published contract.`);
      // The published version goes back to its frozen fields; the change becomes the next version.
      draft.patchEvent(index, { fields: ev.published.fields });
      const { published: _published, ...rest } = ev;
      draft.addEvent(eventSchema.parse({ ...rest, id: newId('evt'), version: next }));
      return ctx.done(`${ev.name} v${ev.version} is back to its published contract; the change is now ${ev.name} v${next}.`);
    }
    // A second definition of a published name@version: it becomes the next version instead.
    if (!draft.eventList.some((e) => e.published && e.name === ev.name && e.version === ev.version)) return ctx.fail(`${ev.name} v${ev.version} has not been published.`);
    draft.patchEvent(index, { version: next });
    return ctx.done(`This definition of ${ev.name} is now v${next}; v${ev.version} stays as published.`);
  },
});
