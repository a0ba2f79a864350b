'use client';

import { memo, useMemo, useState, type KeyboardEvent } from 'react';
import { ChevronDown, ChevronRight, FileText, Folder } from 'lucide-react';
import { cx } from '@/components/ui/cx';

interface TreeDir {
  name: string;
  path: string;
  dirs: TreeDir[];
  files: { name: string; path: string; size: number }[];
}

/** A file as the tree shows it: its path and size in bytes. */
export interface TreeFileInput {
  path: string;
  size: number;
}

/** Builds a directory tree from sorted POSIX paths (directories first, then files, by name). */
export function buildTree(files: readonly TreeFileInput[]): TreeDir {
  const root: TreeDir = { name: '', path: '', dirs: [], files: [] };
  const dirs = new Map<string, TreeDir>([['', root]]);
  for (const f of files) {
    const parts = f.path.split('/');
    let parent = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const path = parts.slice(0, i + 1).join('/');
      let dir = dirs.get(path);
      if (!dir) {
        dir = { name: parts[i], path, dirs: [], files: [] };
        dirs.set(path, dir);
        parent.dirs.push(dir);
      }
      parent = dir;
    }
    parent.files.push({ name: parts[parts.length - 1], path: f.path, size: f.size });
  }
  const sort = (d: TreeDir) => {
    d.dirs.sort((a, b) => a.name.localeCompare(b.name));
    d.files.sort((a, b) => a.name.localeCompare(b.name));
    d.dirs.forEach(sort);
  };
  sort(root);
  return root;
}

/** Human size: 812 B, 4.2 KB, 1.3 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

interface FileTreeProps {
  files: readonly TreeFileInput[];
  selected: string | null;
  onSelect(path: string): void;
}

/** The generated project's files as an expandable tree (a `tree` with `treeitem`s, arrow-key navigable). */
export const FileTree = memo(function FileTree({ files, selected, onSelect }: FileTreeProps) {
  const tree = useMemo(() => buildTree(files), [files]);
  // Top-level folders start open so the shape of the project shows at a glance.
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(tree.dirs.map((d) => d.path)));
  const toggle = (path: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="treeitem"] > button')];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = items[Math.max(0, Math.min(items.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };

  const renderDir = (dir: TreeDir, depth: number) => (
    <>
      {dir.dirs.map((d) => {
        const isOpen = open.has(d.path);
        return (
          <li key={d.path} role="treeitem" aria-expanded={isOpen} aria-selected={false} aria-label={d.name} data-path={d.path}>
            <button
              type="button"
              onClick={() => toggle(d.path)}
              onKeyDown={(e) => {
                if ((e.key === 'ArrowRight' && !isOpen) || (e.key === 'ArrowLeft' && isOpen)) toggle(d.path);
              }}
              className="flex w-full items-center gap-1 rounded px-1 py-0.5 text-left hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-neutral-800"
              style={{ paddingLeft: 4 + depth * 12 }}
            >
              {isOpen ? <ChevronDown size={14} aria-hidden="true" /> : <ChevronRight size={14} aria-hidden="true" />}
              <Folder size={14} aria-hidden="true" className="text-sky-600 dark:text-sky-400" />
              <span className="truncate">{d.name}</span>
            </button>
            {isOpen && <ul role="group">{renderDir(d, depth + 1)}</ul>}
          </li>
        );
      })}
      {dir.files.map((f) => (
        <li key={f.path} role="treeitem" aria-selected={selected === f.path} aria-label={f.name} data-path={f.path}>
          <button
            type="button"
            onClick={() => onSelect(f.path)}
            title={`${f.path} (${formatBytes(f.size)})`}
            className={cx(
              'flex w-full items-center gap-1 rounded px-1 py-0.5 text-left focus-visible:outline-2 focus-visible:outline-sky-500',
              selected === f.path ? 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100' : 'hover:bg-neutral-100 dark:hover:bg-neutral-800',
            )}
            style={{ paddingLeft: 18 + depth * 12 }}
          >
            <FileText size={14} aria-hidden="true" className="shrink-0 text-neutral-500" />
            <span className="truncate">{f.name}</span>
            <span className="ml-auto shrink-0 pl-2 text-xs text-neutral-500 tabular-nums">{formatBytes(f.size)}</span>
          </button>
        </li>
      ))}
    </>
  );

  return (
    <ul role="tree" aria-label="Generated files" className="text-sm" onKeyDown={onKeyDown}>
      {renderDir(tree, 0)}
    </ul>
  );
});
