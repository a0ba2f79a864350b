'use client';

import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Search, X } from 'lucide-react';
import clsx from 'clsx';
import type { DesignNode } from '@/lib/model';
import { NODE_KIND_INFO } from '@/lib/model/kinds';
import { useEditor, useEditorContext } from '@/components/editor/EditorContext';
import { canvasCommands } from './canvasCommands';
import { KIND_ICON } from './ArchNode';

const NO_NODES: readonly DesignNode[] = [];
const MAX_RESULTS = 8;

/** Matches by technical name, display label or description; names starting with the query first. */
export function searchNodes(nodes: readonly DesignNode[], query: string, limit = MAX_RESULTS): DesignNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { n: DesignNode; score: number }[] = [];
  for (const n of nodes) {
    const name = n.name.toLowerCase();
    const label = (n.label ?? '').toLowerCase();
    const score = name === q ? 0 : name.startsWith(q) ? 1 : name.includes(q) ? 2 : label.includes(q) ? 3 : -1;
    if (score >= 0) scored.push({ n, score });
  }
  scored.sort((a, b) => a.score - b.score || a.n.name.localeCompare(b.n.name));
  return scored.slice(0, limit).map((x) => x.n);
}

/** Floating "find a node" box: pick a result to select it and centre the canvas on it. */
export function CanvasSearch() {
  const { store } = useEditorContext();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  // Subscribe to the node list only while searching: no re-render per drag frame otherwise.
  const nodes = useEditor((s) => (query.trim() ? s.design.nodes : NO_NODES));
  const results = useMemo(() => searchNodes(nodes, query), [nodes, query]);
  const open = query.trim().length > 0;
  const current = Math.min(active, Math.max(results.length - 1, 0));

  const choose = (n: DesignNode) => {
    store.getState().select({ nodes: [n.id] });
    canvasCommands.focus([n.id]);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && results.length) {
      e.preventDefault();
      setActive((current + 1) % results.length);
    } else if (e.key === 'ArrowUp' && results.length) {
      e.preventDefault();
      setActive((current - 1 + results.length) % results.length);
    } else if (e.key === 'Enter' && results[current]) {
      e.preventDefault();
      choose(results[current]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setQuery('');
    }
  };

  return (
    <div className="w-64 rounded-lg border border-neutral-200 bg-white/95 shadow-sm dark:border-neutral-700 dark:bg-neutral-900/95">
      <div className="flex items-center gap-1.5 px-2">
        <Search aria-hidden="true" className="size-4 shrink-0 text-neutral-400" />
        <input
          type="search"
          aria-label="Search nodes"
          placeholder="Search nodes"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && results[current] ? `${listId}-${current}` : undefined}
          className="h-8 min-w-0 flex-1 bg-transparent text-sm outline-none placeholder:text-neutral-400 [&::-webkit-search-cancel-button]:hidden"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        {query ? (
          <button type="button" aria-label="Clear search" className="rounded p-0.5 text-neutral-400 hover:text-neutral-700 dark:hover:text-neutral-200" onClick={() => setQuery('')}>
            <X aria-hidden="true" className="size-3.5" />
          </button>
        ) : null}
      </div>
      {open ? (
        <ul id={listId} role="listbox" aria-label="Matching nodes" className="max-h-72 overflow-auto border-t border-neutral-200 py-1 dark:border-neutral-700">
          {results.length === 0 ? (
            <li className="px-3 py-1.5 text-xs text-neutral-500" role="presentation">
              No node matches “{query.trim()}”.
            </li>
          ) : (
            results.map((n, i) => {
              const Icon = KIND_ICON[n.kind];
              return (
                <li
                  key={n.id}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === current}
                  className={clsx(
                    'flex cursor-pointer items-center gap-2 px-3 py-1 text-sm',
                    i === current ? 'bg-sky-100 dark:bg-sky-900/50' : 'hover:bg-neutral-100 dark:hover:bg-neutral-800',
                  )}
                  // mousedown keeps focus in the input; click chooses.
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => choose(n)}
                >
                  <Icon aria-hidden="true" className="size-3.5 shrink-0 text-neutral-500" />
                  <span className="min-w-0 flex-1 truncate font-mono text-xs">{n.name}</span>
                  <span className="shrink-0 text-[11px] text-neutral-500">{n.label && n.label !== n.name ? n.label : NODE_KIND_INFO[n.kind].title}</span>
                </li>
              );
            })
          )}
        </ul>
      ) : null}
    </div>
  );
}
