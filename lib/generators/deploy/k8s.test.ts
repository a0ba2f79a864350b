import { beforeAll, describe, expect, it } from 'vitest';
import { designSchema } from '@/lib/model';
import { SECRET_PLACEHOLDER } from './k8s';
import { KUBECTL_BIN, generateDeploy, kustomizeBuild, parseYamlDocs, starterDesigns, validateDeployFiles, warmK8sChecker } from './test-utils';

if (!KUBECTL_BIN) console.warn('kubectl is not installed: skipping the `kubectl kustomize` build check.');

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels: Record<string, string> }; spec?: Record<string, unknown>; data?: Record<string, string>; stringData?: Record<string, string> };

const objectsOf = (files: { path: string; content: string }[]): K8sObject[] =>
  files.filter((f) => f.path.startsWith('k8s/') && !f.path.endsWith('kustomization.yaml')).flatMap((f) => parseYamlDocs(f.content, f.path) as K8sObject[]);
const find = (objs: K8sObject[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name)!;

describe('k8s generator', () => {
  beforeAll(() => warmK8sChecker(), 120_000);

  for (const { id, design } of starterDesigns()) {
    it(`${id}: every object validates (kubernetes-models + strict unknown-field check), names and labels are valid`, () => {
      const files = generateDeploy(design, {}, ['k8s']);
      expect(files.length).toBeGreaterThan(3);
      expect(validateDeployFiles(files)).toEqual([]);
    });

    it.skipIf(!KUBECTL_BIN)(`${id}: kubectl kustomize builds k8s/ with every object in the namespace`, () => {
      const files = generateDeploy(design, {}, ['k8s']);
      const built = kustomizeBuild(files);
      expect(built.length).toBe(objectsOf(files).length);
      const ns = (built.find((o) => o.kind === 'Namespace')!.metadata as { name: string }).name;
      for (const o of built) if (o.kind !== 'Namespace') expect((o.metadata as { namespace?: string }).namespace).toBe(ns);
    }, 60_000);
  }

  it('e-commerce: per service a hardened Deployment, Service, HPA, PDB, ConfigMap and Secret placeholders', () => {
    const { design } = starterDesigns().find((d) => d.id === 'ecommerce')!;
    const objs = objectsOf(generateDeploy(design, {}, ['k8s']));
    const dep = find(objs, 'Deployment', 'orders') as unknown as { spec: { template: { spec: Record<string, unknown> & { containers: Record<string, unknown>[] } } } };
    const pod = dep.spec.template.spec;
    const c = pod.containers[0];
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } });
    expect(c.livenessProbe).toMatchObject({ httpGet: { path: '/health/live', port: 'http' } });
    expect(c.readinessProbe).toMatchObject({ httpGet: { path: '/health/ready', port: 'http' } });
    // orders is "medium" in the design, users "small".
    expect(c.resources).toEqual({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } });
    const users = (find(objs, 'Deployment', 'users') as unknown as { spec: { template: { spec: { containers: { resources: unknown }[] } } } }).spec.template.spec.containers[0];
    expect(users.resources).toEqual({ requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '250m', memory: '256Mi' } });

    expect(find(objs, 'HorizontalPodAutoscaler', 'orders').spec).toMatchObject({ minReplicas: 3, scaleTargetRef: { kind: 'Deployment', name: 'orders' } });
    expect(find(objs, 'PodDisruptionBudget', 'orders').spec).toMatchObject({ maxUnavailable: 1 });
    expect(find(objs, 'ConfigMap', 'orders-config').data).toMatchObject({ PORT: '3003', CATALOG_URL: 'http://catalog:3001' });
    expect(find(objs, 'Secret', 'orders-secrets').stringData).toEqual({
      ORDERS_DB_URL: `postgres://orders_db:${SECRET_PLACEHOLDER}@orders-db:5432/orders_db`,
      RABBITMQ_URL: `amqp://guest:${SECRET_PLACEHOLDER}@rabbitmq:5672`,
    });
    expect(find(objs, 'Secret', 'payments-secrets').stringData).toMatchObject({ STRIPE_API_KEY: SECRET_PLACEHOLDER });
    // No secret value is in a ConfigMap.
    for (const o of objs.filter((x) => x.kind === 'ConfigMap')) expect(Object.keys(o.data ?? {})).not.toContain('STRIPE_API_KEY');

    // The Ingress sends every route of the gateway to the gateway's nginx.
    const ing = find(objs, 'Ingress', 'api-gateway') as unknown as { spec: { rules: { http: { paths: { path: string; backend: { service: { name: string } } }[] } }[] } };
    expect(ing.spec.rules[0].http.paths.map((p) => p.path)).toEqual(['/api/catalog', '/api/users', '/api/orders', '/api/payments']);
    expect(new Set(ing.spec.rules[0].http.paths.map((p) => p.backend.service.name))).toEqual(new Set(['api-gateway']));
    expect(find(objs, 'ConfigMap', 'api-gateway-nginx').data!['nginx.conf']).toContain('upstream svc_orders');

    // Development infra: the orders database as a StatefulSet behind a headless Service.
    expect(find(objs, 'StatefulSet', 'orders-db').spec).toMatchObject({ serviceName: 'orders-db', replicas: 1 });
    expect(find(objs, 'Service', 'orders-db').spec).toMatchObject({ clusterIP: 'None' });
  });

  it('without gateway config the Ingress routes straight to the services', () => {
    const { design } = starterDesigns().find((d) => d.id === 'ecommerce')!;
    const files = generateDeploy(design, { gateway: false }, ['k8s']);
    expect(validateDeployFiles(files)).toEqual([]);
    const objs = objectsOf(files);
    expect(objs.some((o) => o.kind === 'Deployment' && o.metadata.name === 'api-gateway')).toBe(false);
    const ing = find(objs, 'Ingress', 'api-gateway') as unknown as { spec: { rules: { http: { paths: { backend: { service: { name: string } } }[] } }[] } };
    expect(ing.spec.rules[0].http.paths.map((p) => p.backend.service.name)).toEqual(['catalog', 'users', 'orders', 'payments']);
  });

  it('handles ports below 1024, zero replicas, stateful services and every datastore and broker technology', () => {
    const techs = ['postgres', 'mysql', 'mongodb', 'cassandra', 'elasticsearch', 'dynamodb', 'sqlite'] as const;
    const brokers = ['rabbitmq', 'kafka', 'nats', 'redis-streams'] as const;
    const design = designSchema.parse({
      name: 'Everything',
      nodes: [
        { kind: 'service', id: 's1', name: 's1', port: 80, replicas: 0, position: { x: 0, y: 0 } },
        { kind: 'service', id: 's2', name: 's2', stateless: false, replicas: 1, stack: 'fastapi', position: { x: 0, y: 0 } },
        { kind: 'gateway', id: 'g', name: 'edge', port: 443, tls: false, routes: [{ id: 'r', path: '/x/{id}/y', target: 's1' }], position: { x: 0, y: 0 } },
        ...techs.map((t) => ({ kind: 'database', id: `d-${t}`, name: `db-${t}`, technology: t, position: { x: 0, y: 0 } })),
        { kind: 'cache', id: 'c1', name: 'mc', technology: 'memcached', position: { x: 0, y: 0 } },
        { kind: 'cache', id: 'c2', name: 'rc', technology: 'redis', position: { x: 0, y: 0 } },
        ...brokers.map((t) => ({ kind: 'broker', id: `b-${t}`, name: `b-${t}`, technology: t, position: { x: 0, y: 0 } })),
      ],
      edges: [
        ...techs.map((t, i) => ({ kind: 'data', id: `dd${i}`, source: 's1', target: `d-${t}` })),
        { kind: 'data', id: 'dc1', source: 's2', target: 'c1' },
        { kind: 'data', id: 'dc2', source: 's2', target: 'c2' },
        ...brokers.map((t, i) => ({ kind: 'publish', id: `p${i}`, source: 's1', target: `b-${t}`, topic: 't', event: 'E' })),
        ...brokers.map((t, i) => ({ kind: 'subscribe', id: `q${i}`, source: `b-${t}`, target: 's2', topic: 't', event: 'E' })),
        { kind: 'call', id: 'grpc', source: 's2', target: 's1', protocol: 'grpc', timeoutMs: 100 },
      ],
    });
    const files = generateDeploy(design);
    expect(validateDeployFiles(files, { runNginx: true })).toEqual([]);
    const objs = objectsOf(files);
    const s1 = find(objs, 'Deployment', 's1') as unknown as { spec: { replicas?: number; template: { spec: { securityContext: { sysctls?: unknown } } } } };
    expect(s1.spec.replicas).toBe(0);
    expect(s1.spec.template.spec.securityContext.sysctls).toEqual([{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }]);
    expect(objs.some((o) => o.kind === 'HorizontalPodAutoscaler' && o.metadata.name === 's1')).toBe(false);
    expect(objs.some((o) => o.kind === 'HorizontalPodAutoscaler' && o.metadata.name === 's2')).toBe(false);
    expect((find(objs, 'Deployment', 's2') as unknown as { spec: { replicas: number } }).spec.replicas).toBe(1);
    expect((find(objs, 'Service', 's1') as unknown as { spec: { ports: { name: string }[] } }).spec.ports.map((p) => p.name)).toEqual(['http', 'grpc']);
    // Managed-only stores get no StatefulSet; sqlite is a volume on the service.
    expect(objs.some((o) => o.metadata.name === 'db-dynamodb')).toBe(false);
    expect(objs.some((o) => o.metadata.name === 'db-sqlite')).toBe(false);
  });

  it('snapshot (e-commerce)', () => {
    const { design } = starterDesigns().find((d) => d.id === 'ecommerce')!;
    for (const f of generateDeploy(design, {}, ['k8s'])) expect(f.content).toMatchSnapshot(f.path);
  });
});
