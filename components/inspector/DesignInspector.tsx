'use client';

import { DEPLOY_TARGETS, SERVICE_STACKS, type Design } from '@/lib/model';
import { useActions } from '@/components/editor/EditorContext';
import { CheckboxField, SelectField, TextField } from '@/components/ui';
import { ContextSection } from './ContextSection';
import { InspectorHeader, Section } from './parts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const TARGET_LABELS = { compose: 'Docker Compose', k8s: 'Kubernetes', do: 'DigitalOcean App Platform' } as const;

/** Shown when nothing is selected: the design's own name, description and settings. */
export function DesignInspector({ design }: { design: Design }) {
  const actions = useActions();
  const counts = design.nodes.reduce<Record<string, number>>((acc, n) => ({ ...acc, [n.kind]: (acc[n.kind] ?? 0) + 1 }), {});
  const setTarget = (t: (typeof DEPLOY_TARGETS)[number], on: boolean) => {
    const next = DEPLOY_TARGETS.filter((x) => (x === t ? on : design.settings.targets.includes(x)));
    actions.updateSettings({ targets: next });
  };
  return (
    <div>
      <InspectorHeader
        kind="Design"
        title={design.name}
        subtitle={[plural(design.nodes.length, 'node'), plural(design.edges.length, 'connection'), plural(counts.service ?? 0, 'service'), plural(design.events.length, 'event')].join(' · ')}
      />
      <Section title="General">
        <TextField
          label="Name"
          ariaLabel="Name"
          value={design.name}
          onCommit={(v) => {
            if (v.trim() === '') return 'A design needs a name.';
            if (v.length > 200) return 'At most 200 characters.';
            actions.setDesignMeta({ name: v }, { coalesceKey: 'design:name' });
          }}
        />
        <TextField
          label="Description"
          multiline
          rows={4}
          value={design.description}
          onCommit={(v) => {
            if (v.length > 10_000) return 'At most 10,000 characters.';
            actions.setDesignMeta({ description: v }, { coalesceKey: 'design:description' });
          }}
        />
      </Section>
      <Section title="Defaults">
        <SelectField
          label="Default stack"
          value={design.settings.defaultStack}
          options={SERVICE_STACKS}
          onChange={(v) => actions.updateSettings({ defaultStack: v }, { coalesceKey: 'design:defaultStack' })}
          hint="Used for new services and for export unless a service picks its own."
        />
        <CheckboxField
          label="Service mesh (mTLS)"
          checked={design.settings.serviceMesh}
          onChange={(v) => actions.updateSettings({ serviceMesh: v })}
          hint="Service-to-service traffic is encrypted by a mesh."
        />
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 text-xs font-medium text-neutral-600 dark:text-neutral-300">Deployment targets</legend>
          {DEPLOY_TARGETS.map((t) => (
            <CheckboxField key={t} label={TARGET_LABELS[t]} checked={design.settings.targets.includes(t)} onChange={(v) => setTarget(t, v)} />
          ))}
        </fieldset>
      </Section>
      <ContextSection design={design} />
      <p className="px-4 pb-4 text-xs text-neutral-500 dark:text-neutral-400">Select a node, connection or bounded context on the canvas to edit it.</p>
    </div>
  );
}
