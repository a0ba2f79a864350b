'use client';

import { FlowCanvas } from '@/components/canvas/FlowCanvas';
import { DesignsDialogHost } from '@/components/designs/DesignsDialogHost';
import { ExportDialogHost } from '@/components/export/ExportDialogHost';
import { Palette } from '@/components/palette/Palette';
import { ProblemsPanelHost } from '@/components/problems/ProblemsPanelHost';
import { RulesDialogHost } from '@/components/validation/RulesDialogHost';
import { ValidationProvider } from '@/components/validation/ValidationContext';
import { EditorToasts, StatusBar, Toolbar } from './chrome';
import { InspectorPanel } from './InspectorPanel';
import { ShortcutsDialogHost } from './ShortcutsDialogHost';

/** The designer: toolbar on top, palette left, canvas centre, inspector right, status below. */
export function Editor() {
  return (
    <ValidationProvider>
      <div className="flex h-dvh flex-col overflow-hidden">
        <Toolbar />
        <div className="flex min-h-0 flex-1">
          <aside aria-label="Palette" className="flex w-52 shrink-0 flex-col overflow-y-auto border-r border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-900">
            <Palette className="p-2" />
          </aside>
          <div className="flex min-w-0 flex-1 flex-col">
            <main className="relative min-h-0 min-w-0 flex-1" aria-label="Canvas">
              <FlowCanvas />
            </main>
            <ProblemsPanelHost />
          </div>
          <InspectorPanel />
        </div>
        <StatusBar />
        <DesignsDialogHost />
        <ShortcutsDialogHost />
        <RulesDialogHost />
        <ExportDialogHost />
        <EditorToasts />
      </div>
    </ValidationProvider>
  );
}
