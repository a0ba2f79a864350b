import type { DesignNode } from '@/lib/model';
import { REF } from '../references';
import { defineRule, type Finding } from '../types';

const SECRET_KEY = /(pass(word|wd)?|secret|token|api[-_]?key|private[-_]?key|credential|access[-_]?key|client[-_]?secret)/i;

const ENV_FIELDS = ['env', 'environment'] as const;

/** Secret-looking variable names in a loose `env`/`environment` field (record or "K=V" list). */
function secretVars(node: DesignNode): string[] {
  const found: string[] = [];
  for (let f = 0; f < ENV_FIELDS.length; f++) {
    const value: unknown = (node as Record<string, unknown>)[ENV_FIELDS[f]];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'string' && SECRET_KEY.test(item.split('=')[0])) found.push(item.split('=')[0]);
    } else if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) if (SECRET_KEY.test(key)) found.push(key);
    }
  }
  return found;
}

/** Credentials embedded in a URL: user:password@host, or a key-like query parameter. */
function urlHasCredentials(url: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i.test(url)) return true;
  const q = url.indexOf('?');
  return q !== -1 && /(^|[&?])(api[-_]?key|key|token|access[-_]?token|secret|password|sig)=/i.test(url.slice(q));
}

export default defineRule({
  meta: {
    id: 'credentials-in-env',
    title: 'Credentials outside the credential store',
    category: 'security',
    defaultSeverity: 'warning',
    description:
      'This house style keeps credentials in the database and loads them at startup: environment variables leak through process listings, crash dumps, CI logs and copied deployment files, and cannot be rotated without a redeploy. A credential written into a URL is worse still.',
    fix: 'Remove the credential from the URL or environment and load it from the credential store when the service starts.',
    references: [REF.optima, REF.owaspSecrets],
    profiles: ['event-driven-gateway'],
  },
  check(ctx) {
    // The model has no secrets field yet: this checks what exists (external URLs) and an
    // `env`/`environment` field that imported designs may carry through the loose schema.
    const out: Finding[] = [];
    for (let ix = 0; ix < ctx.graph.nodeList.length; ix++) {
      const entry = ctx.graph.nodeList[ix];
      const node = entry.node;
      if (node.kind === 'external' && urlHasCredentials(node.url)) {
        out.push(ctx.newFinding(`The URL of ${node.name} contains a credential; load it from the credential store instead.`, [node.id]));
      }
      const vars = 'env' in node || 'environment' in node ? secretVars(node) : [];
      if (vars.length > 0) {
        out.push(
          ctx.newFinding(
            `${node.name} takes ${ctx.list(vars, 3)} from environment variables; this house style loads credentials from the credential store.`,
            [node.id],
          ),
        );
      }
    }
    return out;
  },
});
