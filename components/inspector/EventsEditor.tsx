'use client';

import { Lock } from 'lucide-react';
import { FIELD_TYPES, type Design, type DesignEvent, type EventField, type ServiceNode } from '@/lib/model';
import { useActions } from '@/components/editor/EditorContext';
import { Button, Select, TextField, TextInput } from '@/components/ui';
import { AddButton, Badge, Empty, errorOf, RemoveButton, Section } from './parts';

/**
 * Events a service owns, with versioned schemas. Publishing freezes a version's fields (the
 * contract consumers rely on); changing it afterwards means adding the next version.
 */
export function EventsEditor({ service, design }: { service: ServiceNode; design: Design }) {
  const actions = useActions();
  const owned = design.events.filter((e) => e.ownerId === service.id).sort((a, b) => a.name.localeCompare(b.name) || a.version - b.version);
  return (
    <Section title="Events" actions={<AddButton label="Add event" onClick={() => actions.addEvent(service.id, { name: 'NewEvent' })} />}>
      {owned.length === 0 && <Empty>This service publishes no events yet.</Empty>}
      {owned.map((ev) => {
        const latest = !design.events.some((o) => o.name === ev.name && o.version > ev.version);
        return <EventCard key={ev.id} ev={ev} latest={latest} />;
      })}
    </Section>
  );
}

function EventCard({ ev, latest }: { ev: DesignEvent; latest: boolean }) {
  const actions = useActions();
  const frozen = !!ev.published;
  const update = (field: string, patch: Partial<Omit<DesignEvent, 'id'>>) => errorOf(actions.updateEvent(ev.id, patch, { coalesceKey: `event:${ev.id}:${field}` }));
  const setFields = (field: string, fields: EventField[]) => update(`fields:${field}`, { fields });
  const editField = (i: number, key: keyof EventField, value: unknown) => setFields(`${i}:${key}`, ev.fields.map((f, j) => (j === i ? { ...f, [key]: value } : f)));
  const nextFieldName = () => {
    const names = new Set(ev.fields.map((f) => f.name));
    let name = 'field';
    for (let k = 2; names.has(name); k++) name = `field${k}`;
    return name;
  };

  return (
    <article className="rounded-md border border-neutral-200 p-2 dark:border-neutral-800" aria-label={`${ev.name} version ${ev.version}`}>
      <div className="mb-2 flex flex-wrap items-center gap-1.5">
        <span className="min-w-0 truncate font-mono text-sm font-semibold" title={ev.name}>
          {ev.name}
        </span>
        <Badge tone="sky">v{ev.version}</Badge>
        {frozen ? (
          <Badge tone="emerald">
            <Lock size={10} aria-hidden="true" /> Published
          </Badge>
        ) : (
          <Badge tone="amber">Draft</Badge>
        )}
        <span className="flex-1" />
        <RemoveButton label={`Remove event ${ev.name} v${ev.version}`} onClick={() => actions.removeEvent(ev.id)} />
      </div>
      <div className="flex flex-col gap-2">
        <TextField
          label="Event type"
          mono
          spellCheck={false}
          value={ev.name}
          readOnly={frozen}
          placeholder="OrderPlaced"
          onCommit={(v) => update('name', { name: v })}
          hint={frozen ? 'Published: the name and fields are frozen.' : undefined}
        />
        <TextField label="Meaning" multiline rows={2} value={ev.description} onCommit={(v) => update('description', { description: v })} />
        <div>
          <p className="mb-1 text-xs font-medium text-neutral-600 dark:text-neutral-300">Fields</p>
          {ev.fields.length === 0 && <Empty>No fields.</Empty>}
          <ul className="flex flex-col gap-1.5">
            {ev.fields.map((f, i) => (
              // Fields have no id; their position is their identity in this list.
              <li key={i} className="flex items-start gap-1.5">
                <TextInput ariaLabel="Field" mono value={f.name} readOnly={frozen} onCommit={(v) => editField(i, 'name', v)} className="flex-1" />
                <div className="w-24 shrink-0">
                  <Select aria-label="Data type" value={f.type} options={FIELD_TYPES} disabled={frozen} onChange={(v) => editField(i, 'type', v)} />
                </div>
                <label className="flex shrink-0 items-center gap-1 pt-1 text-xs text-neutral-700 dark:text-neutral-300">
                  <input type="checkbox" checked={f.required} disabled={frozen} onChange={(e) => editField(i, 'required', e.target.checked)} className="size-3.5 accent-sky-600" />
                  Required
                </label>
                {!frozen && <RemoveButton label={`Remove field ${f.name}`} onClick={() => setFields('remove', ev.fields.filter((_, j) => j !== i))} />}
              </li>
            ))}
          </ul>
        </div>
        <div className="flex flex-wrap gap-1.5">
          {!frozen && <AddButton label="Add field" onClick={() => setFields('add', [...ev.fields, { name: nextFieldName(), type: 'string', required: true, description: '' }])} />}
          <span className="flex-1" />
          {!frozen ? (
            <Button size="sm" variant="primary" onClick={() => actions.publishEvent(ev.id)} title="Freeze these fields as the contract consumers rely on">
              Publish v{ev.version}
            </Button>
          ) : (
            latest && (
              <Button size="sm" onClick={() => actions.addEventVersion(ev.id)} title={`Add v${ev.version + 1}, starting from these fields`}>
                New version
              </Button>
            )
          )}
        </div>
      </div>
    </article>
  );
}
