'use client';

import { useId, useState, type ReactNode } from 'react';
import { ArrowLeft, Copy, FilePlus2, FolderOpen, LayoutTemplate, Pencil, Trash2 } from 'lucide-react';
import type { LocalDesignMeta } from '@/lib/store';
import { useEditorContext, useUi } from '@/components/editor/EditorContext';
import { Button, ConfirmDialog, Dialog, inputClass } from '@/components/ui';
import { DESIGN_TEMPLATES } from '@/templates/designs/catalog';
import { useDocActions } from './useDocActions';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "5 minutes ago", "yesterday"; an absolute date beyond a week. */
function whenChanged(at: number, now: number): string {
  if (!at) return 'unknown';
  const s = Math.round((at - now) / 1000);
  if (Math.abs(s) < 45) return 'just now';
  const m = Math.round(s / 60);
  if (Math.abs(m) < 60) return relative.format(m, 'minute');
  const h = Math.round(m / 60);
  if (Math.abs(h) < 24) return relative.format(h, 'hour');
  const d = Math.round(h / 24);
  if (Math.abs(d) < 7) return relative.format(d, 'day');
  return new Date(at).toLocaleDateString();
}

/** Local designs (open, rename, duplicate, delete) and "New design" (blank or a template). */
export function DesignsDialog() {
  const mode = useUi((s) => s.dialog);
  const { ui } = useEditorContext();
  const close = () => ui.getState().set({ dialog: null });
  const open = mode === 'designs' || mode === 'new';
  if (!open) return null;
  return mode === 'new' ? <NewDesignPanel onClose={close} onBack={() => ui.getState().set({ dialog: 'designs' })} /> : <DesignListPanel onClose={close} onNew={() => ui.getState().set({ dialog: 'new' })} />;
}

function DesignListPanel({ onClose, onNew }: { onClose(): void; onNew(): void }) {
  const { library } = useEditorContext();
  const actions = useDocActions();
  const docId = useUi((s) => s.docId);
  // The library is plain storage, not reactive: bump to re-read it after an action.
  const [, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  const [renaming, setRenaming] = useState<{ id: string; draft: string } | null>(null);
  const [deleting, setDeleting] = useState<LocalDesignMeta | null>(null);
  const designs = library.list();
  const [now] = useState(() => Date.now());

  const commitRename = () => {
    if (!renaming) return;
    if (actions.rename(renaming.id, renaming.draft)) setRenaming(null);
    refresh();
  };

  return (
    <>
      <Dialog
        open
        onClose={onClose}
        size="lg"
        title="Designs"
        description="Designs are kept in this browser only. Use Save file to keep a copy or move it elsewhere."
        footer={<Button onClick={onClose}>Close</Button>}
      >
        <div className="mb-3 flex items-center justify-between gap-2">
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            {designs.length} design{designs.length === 1 ? '' : 's'}
          </p>
          <Button variant="primary" icon={<FilePlus2 size={16} aria-hidden="true" />} onClick={onNew}>
            New design
          </Button>
        </div>
        <ul className="divide-y divide-neutral-200 rounded-md border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800" aria-label="Local designs">
          {designs.map((d) => {
            const current = d.id === docId;
            const isRenaming = renaming?.id === d.id;
            return (
              <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2" aria-current={current ? 'true' : undefined}>
                <div className="min-w-0 flex-1 basis-48">
                  {isRenaming ? (
                    <input
                      autoFocus
                      aria-label={`New name for ${d.name}`}
                      value={renaming.draft}
                      maxLength={200}
                      onChange={(e) => setRenaming({ id: d.id, draft: e.target.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') commitRename();
                        if (e.key === 'Escape') {
                          // Cancel the rename only, not the whole dialog.
                          e.stopPropagation();
                          setRenaming(null);
                        }
                      }}
                      className={inputClass}
                    />
                  ) : (
                    <p className="flex min-w-0 items-center gap-2">
                      <span className="truncate font-medium" title={d.name}>
                        {d.name}
                      </span>
                      {current && <span className="shrink-0 rounded bg-sky-100 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-sky-800 uppercase dark:bg-sky-900/60 dark:text-sky-200">Open</span>}
                    </p>
                  )}
                  <p className="text-xs text-neutral-500 dark:text-neutral-400">
                    {d.nodes} node{d.nodes === 1 ? '' : 's'} · changed {whenChanged(d.updatedAt, now)}
                  </p>
                </div>
                <div className="flex shrink-0 flex-wrap gap-1">
                  {isRenaming ? (
                    <>
                      <Button size="sm" variant="primary" onClick={commitRename}>
                        Save name
                      </Button>
                      <Button size="sm" onClick={() => setRenaming(null)}>
                        Cancel
                      </Button>
                    </>
                  ) : (
                    <>
                      <RowButton
                        icon={<FolderOpen size={14} />}
                        disabled={current}
                        title={current ? 'This design is open' : `Open ${d.name}`}
                        onClick={() => {
                          if (actions.switchTo(d.id)) onClose();
                          else refresh();
                        }}
                      >
                        Open
                      </RowButton>
                      <RowButton icon={<Pencil size={14} />} title={`Rename ${d.name}`} onClick={() => setRenaming({ id: d.id, draft: d.name })}>
                        Rename
                      </RowButton>
                      <RowButton
                        icon={<Copy size={14} />}
                        title={`Duplicate ${d.name}`}
                        onClick={() => {
                          actions.duplicate(d.id);
                          refresh();
                        }}
                      >
                        Duplicate
                      </RowButton>
                      <RowButton icon={<Trash2 size={14} />} title={`Delete ${d.name}`} onClick={() => setDeleting(d)} danger>
                        Delete
                      </RowButton>
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </Dialog>
      <ConfirmDialog
        open={!!deleting}
        title="Delete this design?"
        message={
          <>
            <strong className="break-all">{deleting?.name}</strong> will be removed from this browser. This cannot be undone; save a file first to keep a copy.
          </>
        }
        confirmLabel="Delete design"
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) actions.remove(deleting.id);
          setDeleting(null);
          refresh();
        }}
      />
    </>
  );
}

function RowButton({ icon, children, danger, ...rest }: { icon: ReactNode; children: ReactNode; danger?: boolean; title: string; disabled?: boolean; onClick(): void }) {
  return (
    <Button size="sm" variant="ghost" icon={<span aria-hidden="true">{icon}</span>} className={danger ? 'text-red-700 dark:text-red-400' : undefined} {...rest}>
      {children}
    </Button>
  );
}

function NewDesignPanel({ onClose, onBack }: { onClose(): void; onBack(): void }) {
  const actions = useDocActions();
  const [busy, setBusy] = useState<string | null>(null);

  const fromTemplate = async (id: string) => {
    setBusy(id);
    const created = await actions.createFromTemplate(id);
    setBusy(null);
    if (created) onClose();
  };

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title="New design"
      description="Start from a blank canvas or a worked example. It becomes a new design in this browser; nothing else is changed."
      footer={
        <Button icon={<ArrowLeft size={14} aria-hidden="true" />} onClick={onBack}>
          Back to designs
        </Button>
      }
    >
      <div className="grid gap-2 sm:grid-cols-2">
        <ChoiceButton
          label="Blank"
          description="An empty canvas. Drag nodes in from the palette."
          icon={<FilePlus2 size={18} />}
          disabled={busy !== null}
          onClick={() => {
            if (actions.createBlank()) onClose();
          }}
        />
        {DESIGN_TEMPLATES.map((t) => (
          <ChoiceButton
            key={t.id}
            label={t.title}
            description={t.description}
            icon={<LayoutTemplate size={18} />}
            busy={busy === t.id}
            disabled={busy !== null}
            onClick={() => void fromTemplate(t.id)}
          />
        ))}
      </div>
    </Dialog>
  );
}

function ChoiceButton({ label, description, icon, onClick, disabled, busy }: { label: string; description: string; icon: ReactNode; onClick(): void; disabled?: boolean; busy?: boolean }) {
  const descId = useId();
  return (
    <button
      type="button"
      // Named by the title alone, described by the blurb: "Blank", "E-commerce", …
      aria-label={label}
      aria-describedby={descId}
      aria-busy={busy || undefined}
      disabled={disabled}
      onClick={onClick}
      className="flex items-start gap-3 rounded-lg border border-neutral-200 p-3 text-left transition-colors hover:border-sky-400 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-60 dark:border-neutral-700 dark:hover:border-sky-500 dark:hover:bg-sky-950/40"
    >
      <span aria-hidden="true" className="mt-0.5 text-sky-600 dark:text-sky-400">
        {icon}
      </span>
      <span className="min-w-0">
        <span className="block text-sm font-semibold">
          {label}
          {busy && <span className="ml-2 text-xs font-normal text-neutral-500">Loading…</span>}
        </span>
        <span id={descId} className="mt-0.5 block text-xs text-neutral-600 dark:text-neutral-400">
          {description}
        </span>
      </span>
    </button>
  );
}
