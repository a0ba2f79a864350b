// Helpers the deployment generators share: YAML output, Kubernetes labels, size tiers, the
// dependencies each container waits for and how gateway routes map onto service paths.
// Everything written into YAML goes through `toYaml` (the yaml library); nothing is concatenated.
import { isDnsLabel } from '@/lib/model';
import type { DatastoreSpec, GatewaySpec, Project, ServiceSpec } from '../project';
import { safePath } from '../escape';
import type { GeneratorContext } from '../types';

/** The value of `app.kubernetes.io/managed-by` and the name in generated headers. */
export const MANAGED_BY = 'archwright';

export { toYaml, toYamlStream } from '../yaml';

/** Throws when a generated name is not a DNS-1123 label: project.ts guarantees it, so it is a bug. */
export function assertName(name: string, what: string): string {
  if (!isDnsLabel(name)) throw new Error(`Generator bug: ${what} ${JSON.stringify(name)} is not a DNS-1123 label.`);
  return name;
}

/**
 * A short deterministic hash (FNV-1a, 32 bit, hex) of config text, for pod-template annotations
 * that roll pods when their ConfigMap or Secret changes.
 */
export function configHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Kubernetes recommended labels; `instance` is the project (one install of the whole system). */
export function k8sLabels(project: Project, name: string, component: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/instance': project.name,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': project.name,
    'app.kubernetes.io/managed-by': MANAGED_BY,
  };
}

/** The labels a selector matches on (a subset of `k8sLabels`, stable across upgrades). */
export function k8sSelector(project: Project, name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': project.name };
}

/** CPU and memory per size tier: requests are what the scheduler reserves, limits the ceiling. */
export const SIZE_TIERS = {
  small: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '250m', memory: '256Mi' }, composeCpus: '0.25', composeMemory: '256M', maxReplicasFactor: 3, doSlug: 'apps-s-1vcpu-0.5gb' },
  medium: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' }, composeCpus: '0.5', composeMemory: '512M', maxReplicasFactor: 4, doSlug: 'apps-s-1vcpu-1gb' },
  large: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' }, composeCpus: '1', composeMemory: '1G', maxReplicasFactor: 5, doSlug: 'apps-s-2vcpu-4gb' },
} as const;

/** Whether the service's image runs Node (nestjs, fastify) or Python (fastapi). */
export function runtimeOf(service: ServiceSpec): 'node' | 'python' {
  return service.stack === 'fastapi' ? 'python' : 'node';
}

/**
 * A liveness probe command that exists in the service's image (no curl/wget in slim images):
 * Node's global fetch or Python's urllib, against the service's own /health/live.
 */
export function serviceHealthCommand(service: ServiceSpec): string[] {
  const url = `http://127.0.0.1:${service.port}/health/live`;
  if (runtimeOf(service) === 'python') {
    return ['CMD', 'python', '-c', `import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('${url}', timeout=4).status == 200 else 1)`];
  }
  return ['CMD', 'node', '-e', `fetch('${url}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`];
}

/** Datastores that run as containers (everything with an image; dynamodb and sqlite do not). */
export function containerStores(project: Project): DatastoreSpec[] {
  return project.datastores.filter((d) => d.image !== undefined);
}

/**
 * Services each service waits for, in design order: the services it calls, skipping any call that
 * would close a cycle (sync cycles exist in real designs; compose and init orders must be acyclic).
 */
export function serviceStartOrder(project: Project): Map<string, ServiceSpec[]> {
  const byId = new Map(project.services.map((s) => [s.id, s]));
  const deps = new Map<string, ServiceSpec[]>(project.services.map((s) => [s.id, []]));
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      const id = stack.pop()!;
      if (id === to) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const d of deps.get(id) ?? []) stack.push(d.id);
    }
    return false;
  };
  for (const s of project.services) {
    for (const c of s.calls) {
      const target = byId.get(c.targetId);
      if (!target || target.id === s.id) continue;
      const list = deps.get(s.id)!;
      if (list.includes(target) || reaches(target.id, s.id)) continue;
      list.push(target);
    }
  }
  return deps;
}

/** Path segments of a route, without `.`/`..` and never anything but [A-Za-z0-9._~:{}-]. */
function routeSegments(path: string): string[] {
  const segs = path.split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
  for (const s of segs) if (!/^[A-Za-z0-9._~:{}-]+$/.test(s)) throw new Error(`Generator bug: unsafe route segment ${JSON.stringify(s)}.`);
  return segs;
}

/** How one gateway route reaches its service. */
export interface RoutePlan {
  /** The public path prefix: `/` or `/a/b` (no trailing slash), safe characters only. */
  path: string;
  service: ServiceSpec;
  /**
   * What the matched prefix becomes upstream: `''` strips it (`/api/x` → `/x`), `/orders` keeps the
   * part of the route the service's own endpoints start with (`/api/orders/1` → `/orders/1`).
   */
  upstreamPrefix: string;
  /** Timeout of the gateway's call edge to the service, if the design has one. */
  timeoutMs: number | undefined;
}

/**
 * Maps a gateway's routes onto service paths. Services serve their endpoints as designed
 * (`/orders/{id}`) while gateways publish them under prefixes (`/api/orders`), so the gateway
 * rewrites the prefix to the longest route suffix the service's endpoints begin with, or strips it.
 */
export function routePlans(ctx: GeneratorContext, gateway: GatewaySpec): RoutePlan[] {
  const byId = new Map(ctx.project.services.map((s) => [s.id, s]));
  const gwEntry = ctx.graph.nodes.get(gateway.id);
  const plans: RoutePlan[] = [];
  const seen = new Set<string>();
  for (const route of gateway.routes) {
    const service = byId.get(route.serviceId);
    if (!service) continue;
    const segs = routeSegments(route.path);
    const path = `/${segs.join('/')}`;
    if (seen.has(path)) continue;
    seen.add(path);
    const endpointSegs = service.endpoints.map((e) => routeSegments(safePath(e.path)));
    let upstreamPrefix = '';
    for (let i = 0; i < segs.length; i++) {
      const suffix = segs.slice(i);
      if (endpointSegs.some((ep) => ep.length >= suffix.length && suffix.every((s, k) => ep[k] === s))) {
        upstreamPrefix = `/${suffix.join('/')}`;
        break;
      }
    }
    const call = gwEntry?.outCall.find((e) => e.target.id === service.id && e.edge.timeoutMs !== undefined);
    plans.push({ path, service, upstreamPrefix, timeoutMs: call?.edge.timeoutMs });
  }
  return plans;
}

/**
 * The longest literal prefix of a route path (stops at `{id}`- or `:param`-style segments), which
 * Ingress controllers and App Platform accept as a path prefix.
 */
export function literalPathPrefix(path: string): string {
  const segs: string[] = [];
  for (const seg of path.split('/').filter(Boolean)) {
    if (!/^[A-Za-z0-9._~-]+$/.test(seg) || seg === '.' || seg === '..') break;
    segs.push(seg);
  }
  return `/${segs.join('/')}`;
}

/** A name of at most `max` characters, unique in `taken` (which it joins), still a DNS label. */
export function shortName(name: string, max: number, taken: Set<string>, pattern = /^[a-z]/, minLength = 1): string {
  let base = name;
  if (!pattern.test(base)) base = `c-${base}`;
  base = base.slice(0, max).replace(/-+$/g, '');
  // DigitalOcean component names need at least 2 characters.
  if (base.length < minLength) base = base.padEnd(minLength, '0');
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) {
    const suffix = `-${i}`;
    candidate = base.slice(0, max - suffix.length).replace(/-+$/g, '') + suffix;
  }
  taken.add(candidate);
  return candidate;
}
