'use client';

import { useEffect, useMemo, useState } from 'react';
import { AlertTriangle, Download, Loader2 } from 'lucide-react';
import { useEditor, useEditorContext } from '@/components/editor/EditorContext';
import { Button, Dialog } from '@/components/ui';
import { useValidation } from '@/components/validation/ValidationContext';
import { DEPLOY_TARGETS, SERVICE_STACKS } from '@/lib/model';
import { todayUtc, zipFileName } from '@/lib/export';
import type { DeployTarget, ExportOptions, ServiceStack } from '@/lib/generators/types';
import { CodePreview } from './CodePreview';
import { FileTree, formatBytes } from './FileTree';
import { downloadBytes, useExport } from './useExport';

const STACK_LABELS: Record<ServiceStack, string> = { nestjs: 'NestJS', fastify: 'Fastify', fastapi: 'FastAPI (Python)' };
const TARGET_LABELS: Record<DeployTarget, string> = { compose: 'Docker Compose', k8s: 'Kubernetes', do: 'DigitalOcean App Platform' };

interface ErrorFinding {
  ruleId: string;
  message: string;
}



/**
 * Export: pick stacks, targets and options, preview the generated tree and any file, then
 * download the zip. Generation and zipping run in a worker and re-run as options change.
 */
export default function ExportDialog({ onClose }: { onClose(): void }) {
  const { ui } = useEditorContext();
  const design = useEditor((s) => s.design);
  const services = useMemo(() => design.nodes.filter((n) => n.kind === 'service'), [design.nodes]);

  const [stacks, setStacks] = useState<Record<string, ServiceStack>>({});
  const [targets, setTargets] = useState<DeployTarget[]>(() => [...design.settings.targets]);
  const [flags, setFlags] = useState({ observability: true, ci: true, gateway: true });
  const [selected, setSelected] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const { state, run } = useExport();

  const options = useMemo<Partial<ExportOptions>>(() => ({ stacks, targets, ...flags, date: todayUtc() }), [stacks, targets, flags]);

  // Regenerate shortly after the last option change (and once on open).
  useEffect(() => {
    const t = setTimeout(() => run(design, options), 150);
    return () => clearTimeout(t);
  }, [design, options, run]);

  // Error-level findings are listed before download: the editor's live validation already holds
  // them (validating again here would repeat the whole run on the main thread).
  const validationStatus = useValidation((v) => v.status);
  const findings = useValidation((v) => v.findings);
  const errors = useMemo<ErrorFinding[] | null>(() => {
    if (validationStatus === 'failed') return [];
    if (validationStatus !== 'ready') return null;
    return findings.filter((k) => k.finding.severity === 'error').map((k) => ({ ruleId: k.finding.ruleId, message: k.finding.message }));
  }, [validationStatus, findings]);

  const result = state.status === 'done' ? state.result : state.status === 'idle' ? undefined : state.previous;
  const files = useMemo(() => result?.files ?? [], [result]);
  const treeFiles = useMemo(() => (result ? result.files.map((f) => ({ path: f.path, size: result.sizes[f.path] ?? 0 })) : []), [result]);
  // Until the user picks a file, show something useful: the README, else the first file.
  const current = files.find((f) => f.path === selected) ?? (selected === null ? (files.find((f) => f.path === 'README.md') ?? files[0] ?? null) : null);

  const blocked = (errors?.length ?? 0) > 0 && !acknowledged;
  const canDownload = state.status === 'done' && !blocked;
  const download = () => {
    if (state.status !== 'done') return;
    downloadBytes(state.result.zip, zipFileName(design));
    ui.getState().notify('success', `Downloaded ${zipFileName(design)} (${state.result.files.length} files, ${formatBytes(state.result.zip.length)}).`);
  };

  const setAllStacks = (stack: ServiceStack) => setStacks(Object.fromEntries(services.map((s) => [s.id, stack])));

  return (
    <Dialog
      open
      onClose={onClose}
      size="xl"
      title="Export project"
      description="A runnable project: service code per stack, Dockerfiles, deployment manifests, contracts, ADRs and docs."
      footer={
        <div className="flex w-full items-center gap-3">
          <ExportStatus state={state} />
          <Button onClick={onClose}>Close</Button>
          <Button variant="primary" disabled={!canDownload} onClick={download} title={blocked ? 'Confirm "Export anyway" first' : undefined}>
            <Download size={16} aria-hidden="true" /> Download .zip
          </Button>
        </div>
      }
    >
      <div className="grid h-[62vh] min-h-0 grid-cols-[17rem_15rem_1fr] gap-3 text-sm">
        <form className="min-h-0 space-y-4 overflow-y-auto pr-1" aria-label="Export options" onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend className="mb-1 font-medium">Deployment targets</legend>
            {DEPLOY_TARGETS.map((t) => (
              <label key={t} className="flex items-center gap-2 py-0.5">
                <input
                  type="checkbox"
                  checked={targets.includes(t)}
                  onChange={(e) => setTargets((cur) => (e.target.checked ? DEPLOY_TARGETS.filter((x) => x === t || cur.includes(x)) : cur.filter((x) => x !== t)))}
                />
                {TARGET_LABELS[t]}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend className="mb-1 font-medium">Include</legend>
            {(
              [
                ['observability', 'Observability (OpenTelemetry, Prometheus, Grafana)'],
                ['gateway', 'Gateway configuration'],
                ['ci', 'CI workflow (GitHub Actions)'],
              ] as const
            ).map(([key, label]) => (
              <label key={key} className="flex items-center gap-2 py-0.5">
                <input type="checkbox" checked={flags[key]} onChange={(e) => setFlags((f) => ({ ...f, [key]: e.target.checked }))} />
                {label}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend className="mb-1 font-medium">Stack per service</legend>
            {services.length === 0 ? (
              <p className="text-neutral-500">No services yet: the project holds infrastructure and docs only.</p>
            ) : (
              <>
                <label className="mb-2 flex items-center justify-between gap-2 text-xs text-neutral-600 dark:text-neutral-400">
                  Set all to
                  <select
                    className="rounded border border-neutral-300 bg-white px-1 py-0.5 dark:border-neutral-700 dark:bg-neutral-800"
                    value=""
                    onChange={(e) => e.target.value && setAllStacks(e.target.value as ServiceStack)}
                  >
                    <option value="">…</option>
                    {SERVICE_STACKS.map((s) => (
                      <option key={s} value={s}>
                        {STACK_LABELS[s]}
                      </option>
                    ))}
                  </select>
                </label>
                <ul className="space-y-1">
                  {services.map((s) => (
                    <li key={s.id} className="flex items-center justify-between gap-2">
                      <span className="truncate" title={s.label ?? s.name}>
                        {s.name}
                      </span>
                      <select
                        aria-label={`Stack of ${s.name}`}
                        className="rounded border border-neutral-300 bg-white px-1 py-0.5 dark:border-neutral-700 dark:bg-neutral-800"
                        value={stacks[s.id] ?? (s.kind === 'service' ? s.stack : 'nestjs')}
                        onChange={(e) => setStacks((cur) => ({ ...cur, [s.id]: e.target.value as ServiceStack }))}
                      >
                        {SERVICE_STACKS.map((st) => (
                          <option key={st} value={st}>
                            {STACK_LABELS[st]}
                          </option>
                        ))}
                      </select>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </fieldset>
          {errors && errors.length > 0 && (
            <section aria-label="Open errors" className="rounded border border-red-300 bg-red-50 p-2 dark:border-red-900 dark:bg-red-950/40">
              <p className="mb-1 flex items-center gap-1 font-medium text-red-800 dark:text-red-300">
                <AlertTriangle size={14} aria-hidden="true" /> {errors.length} open error{errors.length === 1 ? '' : 's'}
              </p>
              <ul className="mb-2 max-h-28 list-disc space-y-0.5 overflow-y-auto pl-4 text-xs text-red-900 dark:text-red-200">
                {errors.map((f, i) => (
                  <li key={i}>
                    <span className="font-mono">{f.ruleId}</span>: {f.message}
                  </li>
                ))}
              </ul>
              <label className="flex items-center gap-2 text-xs">
                <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
                Export anyway
              </label>
            </section>
          )}
        </form>
        <div className="min-h-0 overflow-y-auto rounded border border-neutral-200 p-1 dark:border-neutral-800">
          {files.length > 0 ? <FileTree files={treeFiles} selected={current?.path ?? null} onSelect={setSelected} /> : <p className="p-2 text-neutral-500">{state.status === 'error' ? 'Nothing generated.' : 'Generating…'}</p>}
        </div>
        <div className="flex min-h-0 flex-col overflow-hidden rounded border border-neutral-200 dark:border-neutral-800">
          {current ? (
            <>
              <div className="truncate border-b border-neutral-200 bg-neutral-50 px-2 py-1 font-mono text-xs dark:border-neutral-800 dark:bg-neutral-900" title={current.path}>
                {current.path}
              </div>
              <div className="min-h-0 flex-1">
                <CodePreview path={current.path} content={current.content} />
              </div>
            </>
          ) : (
            <p className="p-3 text-neutral-500">Select a file to preview it.</p>
          )}
        </div>
      </div>
    </Dialog>
  );
}

function ExportStatus({ state }: { state: ReturnType<typeof useExport>['state'] }) {
  if (state.status === 'running') {
    return (
      <div className="mr-auto flex min-w-0 items-center gap-2 text-sm text-neutral-600 dark:text-neutral-400" role="status">
        <Loader2 size={14} className="animate-spin" aria-hidden="true" />
        {state.phase}…
        <progress className="h-1.5 w-32" max={100} value={state.percent} aria-label="Export progress" />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <p className="mr-auto min-w-0 truncate text-sm text-red-700 dark:text-red-400" role="alert" title={state.message}>
        Export failed: {state.message}
      </p>
    );
  }
  if (state.status === 'done') {
    const { files, zip, generateMs, zipMs } = state.result;
    return (
      <p className="mr-auto text-sm text-neutral-600 dark:text-neutral-400" role="status">
        {files.length} files · {formatBytes(zip.length)} zipped · {Math.round(generateMs + zipMs)} ms
      </p>
    );
  }
  return <span className="mr-auto" />;
}
