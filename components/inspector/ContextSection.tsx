'use client';

import { contextSchema, PLATFORMS, type ArchitectureContext, type Design } from '@/lib/model';
import { useActions } from '@/components/editor/EditorContext';
import { NumberField, SelectField, TextField } from '@/components/ui';
import { Section } from './parts';

type TextKey = Exclude<keyof ArchitectureContext, 'teams' | 'platform'>;

const FIELDS: readonly { key: TextKey; label: string; placeholder: string; multiline?: boolean }[] = [
  { key: 'domain', label: 'Domain', placeholder: 'Online retail for EU consumers' },
  { key: 'scale', label: 'Scale', placeholder: '2k orders/min at peak, 50k daily users' },
  { key: 'latencySla', label: 'Latency SLAs', placeholder: 'p99 < 300 ms for checkout' },
  { key: 'availability', label: 'Availability', placeholder: '99.9% monthly for browsing and checkout' },
  { key: 'strongConsistency', label: 'Must be strongly consistent', placeholder: 'Payments, stock reservation', multiline: true },
  { key: 'eventualConsistency', label: 'May be eventually consistent', placeholder: 'Notifications, search, analytics', multiline: true },
  { key: 'compliance', label: 'Compliance', placeholder: 'PCI DSS, GDPR' },
  { key: 'ownership', label: 'Team ownership', placeholder: 'Checkout team: orders, payments', multiline: true },
  { key: 'rto', label: 'RTO (recovery time)', placeholder: '1 h' },
  { key: 'rpo', label: 'RPO (data loss window)', placeholder: '5 min' },
];

const PLATFORM_LABELS: Record<(typeof PLATFORMS)[number], string> = {
  kubernetes: 'Kubernetes',
  compose: 'Docker Compose',
  digitalocean: 'DigitalOcean App Platform',
  other: 'Other',
};

/** The forces behind the design (domain, scale, SLAs, consistency, compliance, teams, recovery); ADR-0001 is written from them. */
export function ContextSection({ design }: { design: Design }) {
  const actions = useActions();
  const ctx = design.context ?? contextSchema.parse({});
  const set = (patch: Partial<ArchitectureContext>, key: string) => actions.setDesignMeta({ context: patch }, { coalesceKey: `design:context:${key}` });
  return (
    <Section title="Architecture context">
      <p className="text-xs text-neutral-500 dark:text-neutral-400">Exported ADRs (decomposition, data, deployment) cite these forces. Leave blank what you don&apos;t know yet.</p>
      {FIELDS.map((f) => (
        <TextField
          key={f.key}
          label={f.label}
          value={String(ctx[f.key] ?? '')}
          placeholder={f.placeholder}
          multiline={f.multiline}
          rows={2}
          onCommit={(v) => {
            const limit = f.key === 'rto' || f.key === 'rpo' ? 200 : 10_000;
            if (v.length > limit) return `At most ${limit.toLocaleString('en')} characters.`;
            set({ [f.key]: v }, f.key);
          }}
        />
      ))}
      <NumberField
        label="Teams"
        value={ctx.teams ?? 0}
        min={0}
        max={10_000}
        onCommit={(v) => set({ teams: v }, 'teams')}
        hint="How many teams build and run the system (0 = not set)."
      />
      <SelectField
        label="Runtime platform"
        value={ctx.platform}
        options={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }))}
        onChange={(v) => set({ platform: v }, 'platform')}
        hint="Where it runs in production; the deployment ADR starts from it."
      />
    </Section>
  );
}
