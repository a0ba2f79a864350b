/** What a command may touch: output streams, the working directory, the environment. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The Archwright package root (templates/, package.json). */
  packageRoot: string;
  /** Colour the text output (a TTY without NO_COLOR). */
  color?: boolean;
}

/** A failure explained to the user in one line; never printed with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

// C0/C1 controls and bidi overrides/isolates: a hostile name must not move the cursor, recolour
// the terminal or reorder the line it is printed on.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Makes untrusted text safe for a terminal: control and bidi characters become visible escapes. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line of safe text: whitespace runs (newlines included) collapse, long text is cut. */
export function oneLine(text: string, max = 600): string {
  const flat = safeText(text.replace(/\s+/g, ' ').trim());
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
