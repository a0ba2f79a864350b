'use client';

import type { Design } from '@/lib/model';
import { useEditor, useEditorContext } from '@/components/editor/EditorContext';

/**
 * The current design, re-rendering only on structural changes. Moving nodes (a drag, a layout)
 * changes positions many times a second; nothing the inspector shows depends on them, so it
 * listens to `structureRevision` instead of the design itself.
 */
export function useStructuralDesign(): Design {
  useEditor((s) => s.structureRevision);
  return useEditorContext().store.getState().design;
}
