'use client';

import { useEffect, useRef, useState } from 'react';
import { useColorMode } from '@/components/canvas/useColorMode';
import { languageOf, loadMonaco, type MonacoApi, type MonacoEditor } from './monaco';

interface CodePreviewProps {
  path: string;
  content: string;
}

/** Read-only Monaco view of one generated file; plain text until (or if) Monaco loads. */
export function CodePreview({ path, content }: CodePreviewProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<MonacoEditor | null>(null);
  const [monaco, setMonaco] = useState<MonacoApi | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const dark = useColorMode() === 'dark';

  useEffect(() => {
    let live = true;
    loadMonaco().then(
      (m) => live && setMonaco(m),
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!monaco || !host.current) return;
    const ed = monaco.editor.create(host.current, {
      readOnly: true,
      domReadOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12,
      renderWhitespace: 'selection',
      wordWrap: 'off',
    });
    editor.current = ed;
    return () => {
      ed.dispose();
      editor.current = null;
    };
  }, [monaco]);

  useEffect(() => {
    if (!monaco || !editor.current) return;
    const model = monaco.editor.createModel(content, languageOf(path));
    editor.current.setModel(model);
    return () => model.dispose();
  }, [monaco, path, content]);

  useEffect(() => {
    monaco?.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [monaco, dark]);

  return (
    <div className="relative h-full min-h-0" data-testid="code-preview" data-path={path} data-ready={monaco ? 'monaco' : failed ? 'plain' : 'loading'}>
      {!monaco && (
        <pre className="h-full overflow-auto p-3 font-mono text-xs leading-5 whitespace-pre text-neutral-800 dark:text-neutral-200" aria-label={`Contents of ${path}`}>
          {failed && <span className="mb-2 block font-sans text-amber-700 dark:text-amber-400">{failed}</span>}
          {content}
        </pre>
      )}
      <div ref={host} className={monaco ? 'absolute inset-0' : 'hidden'} aria-label={`Contents of ${path}`} />
    </div>
  );
}
