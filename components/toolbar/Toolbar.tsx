'use client';

import { useCallback, useRef, useState } from 'react';
import { ChevronDown, CircleHelp, Download, FolderOpen, FolderKanban, Import, LayoutGrid, ListChecks, Presentation, Redo2, Share2, Undo2, Upload } from 'lucide-react';
import { useEditor, useEditorContext } from '@/components/editor/EditorContext';
import { useEditorShortcuts } from '@/components/editor/useEditorShortcuts';
import { runAutoLayout } from '@/components/canvas/autoLayout';
import { useDocActions } from '@/components/designs/useDocActions';
import { ThemeToggle } from '@/components/theme/ThemeToggle';
import { IconButton, MenuButton } from '@/components/ui';
import { DesignNameInput } from './DesignNameInput';
import { modKey } from './keys';

/** The top bar: designs and files, history, layout, the upcoming features, help and theme. */
export function Toolbar() {
  const { store, ui } = useEditorContext();
  const docs = useDocActions();
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const hasNodes = useEditor((s) => s.design.nodes.length > 0);
  const fileInput = useRef<HTMLInputElement>(null);
  const [laying, setLaying] = useState(false);
  const mod = modKey();
  const chooseFile = useCallback(() => fileInput.current?.click(), []);
  useEditorShortcuts(ui, docs, chooseFile);

  const autoLayout = async () => {
    setLaying(true);
    try {
      await runAutoLayout(store);
    } catch (e) {
      ui.getState().notify('error', `Auto layout failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setLaying(false);
    }
  };

  return (
    <header className="flex h-12 shrink-0 items-center gap-1 border-b border-neutral-200 bg-white px-2 dark:border-neutral-800 dark:bg-neutral-900">
      <div className="mr-1 flex shrink-0 items-center gap-2 pl-1">
        {/* eslint-disable-next-line @next/next/no-img-element -- a 20px static SVG needs no optimisation */}
        <img src="/icon.svg" alt="" width={20} height={20} className="size-5" />
        <span className="hidden text-sm font-semibold tracking-tight md:inline">Archwright</span>
      </div>
      <Divider />
      <IconButton label="Designs" icon={<FolderKanban size={16} />} showLabel tooltip="Your designs in this browser; new design from a template" onClick={() => ui.getState().set({ dialog: 'designs' })} />
      <DesignNameInput />
      <Divider />
      <IconButton label="Open file" icon={<FolderOpen size={16} />} shortcut={`${mod}O`} onClick={chooseFile} />
      <input
        ref={fileInput}
        type="file"
        accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
        className="hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="open-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Reset so choosing the same file again still fires a change.
          e.target.value = '';
          if (file) void docs.openFile(file);
        }}
      />
      <div className="flex items-center">
        <IconButton label="Save file" icon={<Download size={16} />} shortcut={`${mod}S`} tooltip={`Save file: download as .archwright.yaml (${mod}S)`} onClick={() => docs.download('yaml')} className="rounded-r-none" />
        <MenuButton
          label="More save formats"
          className="rounded-l-none"
          items={[
            { label: 'Save as YAML', hint: '.archwright.yaml (recommended)', onSelect: () => docs.download('yaml') },
            { label: 'Save as JSON', hint: '.archwright.json', onSelect: () => docs.download('json') },
          ]}
        >
          <ChevronDown size={14} aria-hidden="true" />
        </MenuButton>
      </div>
      <Divider />
      <IconButton label="Undo" icon={<Undo2 size={16} />} shortcut={`${mod}Z`} disabled={!canUndo} onClick={() => store.getState().undo()} />
      <IconButton label="Redo" icon={<Redo2 size={16} />} shortcut={`${mod}⇧Z`} disabled={!canRedo} onClick={() => store.getState().redo()} />
      <Divider />
      <IconButton
        label="Auto layout"
        icon={<LayoutGrid size={16} className={laying ? 'animate-pulse' : undefined} />}
        showLabel
        tooltip={hasNodes ? 'Auto layout: arrange nodes left to right by their connections (one undo step)' : 'Auto layout: add nodes first'}
        disabled={!hasNodes || laying}
        aria-busy={laying || undefined}
        onClick={() => void autoLayout()}
      />
      <IconButton label="Rules" icon={<ListChecks size={16} />} showLabel tooltip="Rules: validation profile, severities and thresholds (saved in the design)" onClick={() => ui.getState().set({ dialog: 'rules' })} />
      <div className="flex-1" />
      {/* Placeholders: announced as unavailable, focusable so the tooltip says what brings them. */}
      <IconButton label="Import" icon={<Import size={16} />} softDisabled tooltip="Import arrives with the import feature (docker-compose and Kubernetes manifests)" />
      <IconButton label="Share" icon={<Share2 size={16} />} softDisabled tooltip="Share links arrive with the sharing feature" />
      <IconButton label="Present" icon={<Presentation size={16} />} softDisabled tooltip="Presentation mode arrives with the presentation feature" />
      <IconButton label="Export" icon={<Upload size={16} />} showLabel tooltip="Export: generate a runnable project (code, Dockerfiles, compose, Kubernetes, contracts, ADRs) and download it as a zip" onClick={() => ui.getState().set({ dialog: 'export' })} />
      <Divider />
      <IconButton label="Keyboard shortcuts" icon={<CircleHelp size={16} />} shortcut="?" onClick={() => ui.getState().set({ dialog: 'shortcuts' })} />
      <ThemeToggle />
    </header>
  );
}

function Divider() {
  return <span aria-hidden="true" className="mx-1 h-5 w-px shrink-0 bg-neutral-200 dark:bg-neutral-700" />;
}
