'use client';

import { SHORTCUTS } from '@/components/canvas/useKeyboardShortcuts';
import { Button, Dialog } from '@/components/ui';
import { useEditorContext, useUi } from './EditorContext';
import { EDITOR_SHORTCUTS } from './useEditorShortcuts';

/** Every keyboard shortcut, from "?" or the toolbar's help button. */
export function ShortcutsDialog() {
  const open = useUi((s) => s.dialog === 'shortcuts');
  const { ui } = useEditorContext();
  const close = () => ui.getState().set({ dialog: null });
  const groups = [
    { title: 'Canvas', items: SHORTCUTS },
    { title: 'Editor', items: EDITOR_SHORTCUTS },
  ];
  return (
    <Dialog open={open} onClose={close} title="Keyboard shortcuts" size="md" footer={<Button onClick={close}>Close</Button>}>
      {groups.map((g) => (
        <section key={g.title} className="mb-4 last:mb-0">
          <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-neutral-500 uppercase dark:text-neutral-400">{g.title}</h3>
          <dl className="divide-y divide-neutral-100 text-sm dark:divide-neutral-800">
            {g.items.map((s) => (
              <div key={s.action} className="flex items-center justify-between gap-4 py-1.5">
                <dt>{s.action}</dt>
                <dd>
                  <kbd className="rounded border border-neutral-300 bg-neutral-100 px-1.5 py-0.5 font-mono text-xs whitespace-nowrap dark:border-neutral-700 dark:bg-neutral-800">{s.keys}</kbd>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
