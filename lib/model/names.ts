/** DNS-1123 label: what Kubernetes, compose and DNS accept as an object or host name. */
export const DNS_LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS_LABEL_MAX = 63;

/** Explains why `name` is not a DNS-1123 label, or returns null when it is one. */
export function dnsLabelProblem(name: string): string | null {
  if (name.length === 0) return 'Name is required.';
  if (name.length > DNS_LABEL_MAX) return `Name is ${name.length} characters; at most ${DNS_LABEL_MAX} are allowed.`;
  if (/[A-Z]/.test(name) && DNS_LABEL_RE.test(name.toLowerCase())) return 'Use lowercase letters only.';
  if (!/^[a-z0-9]/.test(name)) return 'Name must start with a lowercase letter or digit.';
  if (!/[a-z0-9]$/.test(name)) return 'Name must end with a lowercase letter or digit.';
  if (!DNS_LABEL_RE.test(name)) return 'Use only lowercase letters, digits and "-" (it becomes a host and Kubernetes name).';
  return null;
}

/** True when `name` is a valid DNS-1123 label. */
export function isDnsLabel(name: string): boolean {
  return name.length <= DNS_LABEL_MAX && DNS_LABEL_RE.test(name);
}

/**
 * Turns any text into a DNS-1123 label (lowercase, dashes, trimmed to 63), never empty. The
 * fallback (used when nothing of `text` survives) is normalized too, and is 'node' at worst.
 */
export function toDnsLabel(text: string, fallback = 'node'): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, DNS_LABEL_MAX)
    .replace(/-+$/g, '');
  if (s) return s;
  return fallback === 'node' ? 'node' : toDnsLabel(fallback);
}

/** Returns `base` or `base-2`, `base-3`… so that it is not in `taken`, still a valid label. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  const root = toDnsLabel(base);
  if (!taken.has(root)) return root;
  for (let i = 2; ; i++) {
    const suffix = `-${i}`;
    const candidate = root.slice(0, DNS_LABEL_MAX - suffix.length).replace(/-+$/g, '') + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
