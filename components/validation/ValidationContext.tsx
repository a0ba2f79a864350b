'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useEditorContext } from '@/components/editor/EditorContext';
import { stepProblem } from '@/components/problems/actions';
import type { ElementMark } from './model';
import { attachValidation } from './runner';
import { createValidationStore, type ValidationState, type ValidationStore } from './store';

const ValidationContext = createContext<ValidationStore | null>(null);

/** Used where no provider is mounted (benchmark canvases): never has findings. */
const NO_VALIDATION = createValidationStore();

/**
 * Validates the editor's design live and provides the findings to the tree. Mount once inside
 * an EditorProvider; the engine loads after the first render, in an idle period.
 */
export function ValidationProvider({ children }: { children: ReactNode }) {
  const { store, ui } = useEditorContext();
  const [validation] = useState(createValidationStore);
  useEffect(() => attachValidation(store, validation), [store, validation]);
  // F8 / Shift+F8: next / previous problem, from anywhere but an open dialog.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'F8' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || ui.getState().dialog) return;
      if (e.target instanceof Element && e.target.closest('[role="dialog"], [role="alertdialog"], .monaco-editor')) return;
      e.preventDefault();
      stepProblem({ store, ui, validation }, e.shiftKey ? -1 : 1);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, ui, validation]);
  return <ValidationContext value={validation}>{children}</ValidationContext>;
}

/** The validation store (a store without findings outside a ValidationProvider). */
export function useValidationStore(): ValidationStore {
  return useContext(ValidationContext) ?? NO_VALIDATION;
}

/** Subscribes narrowly to the validation state. */
export function useValidation<T>(selector: (s: ValidationState) => T): T {
  return useStore(useValidationStore(), selector);
}

/** One element's badge data: a new value only when that element's problems change. */
export function useElementMark(id: string): ElementMark | undefined {
  return useStore(useValidationStore(), (s) => s.marks.get(id));
}

/** The worst severity on one element (for outlines), or undefined. */
export function useElementSeverity(id: string): ElementMark['severity'] | undefined {
  return useStore(useValidationStore(), (s) => s.marks.get(id)?.severity);
}
