'use client';

import { useMemo } from 'react';
import { useEditorContext } from '@/components/editor/EditorContext';
import { createDocActions, type DocActions } from './docActions';

/** Whole-design actions bound to this editor's stores (stable for the editor's lifetime). */
export function useDocActions(): DocActions {
  const ctx = useEditorContext();
  return useMemo(() => createDocActions(ctx), [ctx]);
}
