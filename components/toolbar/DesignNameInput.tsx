'use client';

import { useId } from 'react';
import { useEditor, useEditorContext } from '@/components/editor/EditorContext';
import { cx, useDraft } from '@/components/ui';

const MAX = 200;

/** The design's name, editable in place; typing is one undo step, an empty name is refused. */
export function DesignNameInput() {
  const name = useEditor((s) => s.design.name);
  const { store } = useEditorContext();
  const id = useId();
  const { draft, setDraft, error, setError } = useDraft(name, (v) => v);

  return (
    <div className="relative min-w-0">
      <input
        type="text"
        aria-label="Design name"
        title={draft}
        value={draft}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => {
          const v = e.target.value;
          setDraft(v);
          if (v.trim() === '') return setError('A design needs a name.');
          if (v.length > MAX) return setError(`At most ${MAX} characters.`);
          setError(null);
          store.getState().setDesignMeta({ name: v }, { coalesceKey: 'design:name' });
        }}
        onBlur={() => {
          // Leaving it empty puts the last valid name back.
          if (error) {
            setDraft(name);
            setError(null);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') e.currentTarget.blur();
        }}
        className={cx(
          // Grows with the text up to a limit; longer names scroll inside the field.
          'field-sizing-content h-8 max-w-[16rem] min-w-24 truncate rounded-md border border-transparent bg-transparent px-2 text-sm font-medium',
          'hover:border-neutral-300 focus:border-sky-500 focus:bg-white focus:outline-none focus:ring-2 focus:ring-sky-500/30',
          'dark:hover:border-neutral-700 dark:focus:bg-neutral-950',
          error && 'border-red-500',
        )}
      />
      {error && (
        <p id={`${id}-err`} role="alert" className="absolute top-full left-0 z-30 mt-1 rounded bg-red-600 px-2 py-1 text-xs whitespace-nowrap text-white shadow">
          {error}
        </p>
      )}
    </div>
  );
}
