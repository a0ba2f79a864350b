'use client';

import { Check } from 'lucide-react';
import type { Design, Group } from '@/lib/model';
import { useActions } from '@/components/editor/EditorContext';
import { Button, cx, TextField } from '@/components/ui';
import { errorOf, InspectorHeader, Section } from './parts';

/** Preset tints for bounded contexts; any #rrggbb can be picked too. */
const SWATCHES = [
  { name: 'Blue', value: '#3b82f6' },
  { name: 'Teal', value: '#14b8a6' },
  { name: 'Green', value: '#22c55e' },
  { name: 'Amber', value: '#f59e0b' },
  { name: 'Rose', value: '#f43f5e' },
  { name: 'Violet', value: '#8b5cf6' },
  { name: 'Slate', value: '#64748b' },
] as const;

const HEX = /^#[0-9a-f]{6}$/i;

/** A bounded context: name, description, colour; members keep their place when ungrouped. */
export function GroupInspector({ group, design }: { group: Group; design: Design }) {
  const actions = useActions();
  const patch = (field: string, p: Partial<Omit<Group, 'id'>>) => errorOf(actions.updateGroup(group.id, p, { coalesceKey: `group:${group.id}:${field}` }));
  const members = design.nodes.filter((n) => n.parentId === group.id).length;
  const color = group.color && HEX.test(group.color) ? group.color : undefined;

  return (
    <div>
      <InspectorHeader kind="Bounded context" title={group.name} subtitle={`${members} member${members === 1 ? '' : 's'}`} />
      <Section title="General">
        <TextField label="Name" ariaLabel="Name" value={group.name} onCommit={(v) => (v.trim() === '' ? 'A bounded context needs a name.' : patch('name', { name: v }))} />
        <TextField label="Description" multiline value={group.description} onCommit={(v) => patch('description', { description: v })} />
      </Section>
      <Section title="Colour">
        <div role="group" aria-label="Colour" className="flex flex-wrap items-center gap-1.5">
          {SWATCHES.map((s) => {
            const on = color?.toLowerCase() === s.value;
            return (
              <button
                key={s.value}
                type="button"
                aria-label={`Colour: ${s.name}`}
                aria-pressed={on}
                title={s.name}
                onClick={() => patch('color', { color: s.value })}
                className={cx('flex size-7 items-center justify-center rounded-full border-2 focus-visible:outline-2 focus-visible:outline-sky-500', on ? 'border-neutral-900 dark:border-white' : 'border-transparent')}
                style={{ backgroundColor: s.value }}
              >
                {on && <Check size={14} className="text-white" aria-hidden="true" />}
              </button>
            );
          })}
          <label className="flex items-center gap-1 text-xs text-neutral-600 dark:text-neutral-300" title="Custom colour">
            <input
              type="color"
              aria-label="Custom colour"
              value={color ?? '#64748b'}
              onChange={(e) => patch('color', { color: e.target.value })}
              className="h-7 w-9 cursor-pointer rounded border border-neutral-300 bg-transparent dark:border-neutral-700"
            />
            Custom
          </label>
          <Button size="sm" variant="ghost" disabled={!group.color} onClick={() => patch('color', { color: undefined })}>
            No colour
          </Button>
        </div>
      </Section>
      <Section title="Members">
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          {members === 0 ? 'Drag nodes into the context to add them.' : `${members} node${members === 1 ? '' : 's'} in this context.`}
        </p>
        <div>
          <Button size="sm" onClick={() => actions.ungroup(group.id)} title="Remove the context; its nodes stay where they are">
            Ungroup
          </Button>
        </div>
      </Section>
    </div>
  );
}
