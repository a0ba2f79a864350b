// Loads Monaco's AMD build from /monaco/vs (copied there by scripts/copy-monaco.ts) on first use.
// It stays out of the app's bundles entirely and needs no CDN.

/** The slice of Monaco's API the preview uses. */
export interface MonacoApi {
  editor: {
    create(el: HTMLElement, options: Record<string, unknown>): MonacoEditor;
    createModel(value: string, language?: string): MonacoModel;
    setTheme(theme: string): void;
  };
}
export interface MonacoModel {
  dispose(): void;
}
export interface MonacoEditor {
  setModel(model: MonacoModel | null): void;
  layout(): void;
  dispose(): void;
}

interface AmdRequire {
  (deps: string[], ok: (...mods: unknown[]) => void, fail?: (err: unknown) => void): void;
  config(cfg: Record<string, unknown>): void;
}

let loading: Promise<MonacoApi> | null = null;

/** Loads Monaco once per page; rejects with a clear message when its files are missing. */
export function loadMonaco(base = '/monaco/vs'): Promise<MonacoApi> {
  loading ??= new Promise<MonacoApi>((resolve, reject) => {
    const w = window as unknown as { require?: AmdRequire; monaco?: MonacoApi; MonacoEnvironment?: unknown };
    if (w.monaco) return resolve(w.monaco);
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${base}/editor/editor.main.css`;
    document.head.appendChild(css);
    const script = document.createElement('script');
    script.src = `${base}/loader.js`;
    script.async = true;
    script.onerror = () => {
      loading = null;
      reject(new Error('Could not load the code viewer (Monaco). The plain-text preview is shown instead.'));
    };
    script.onload = () => {
      const req = w.require;
      if (!req) return reject(new Error('Monaco loader did not start.'));
      req.config({ paths: { vs: base } });
      req(
        ['vs/editor/editor.main'],
        () => (w.monaco ? resolve(w.monaco) : reject(new Error('Monaco loaded without its API.'))),
        (err) => {
          loading = null;
          reject(err instanceof Error ? err : new Error('Could not load Monaco.'));
        },
      );
    };
    document.head.appendChild(script);
  });
  return loading;
}

const BY_EXT: Record<string, string> = {
  ts: 'typescript',
  tsx: 'typescript',
  js: 'javascript',
  mjs: 'javascript',
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  md: 'markdown',
  py: 'python',
  sql: 'sql',
  proto: 'protobuf',
  sh: 'shell',
  conf: 'shell',
  toml: 'ini',
  ini: 'ini',
  txt: 'plaintext',
};

/** Monaco language id for a file path (Dockerfile, Makefile and extensions). */
export function languageOf(path: string): string {
  const name = path.split('/').pop() ?? path;
  if (name === 'Dockerfile' || name.endsWith('.Dockerfile')) return 'dockerfile';
  if (name === 'Makefile') return 'shell';
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  return BY_EXT[ext] ?? 'plaintext';
}
