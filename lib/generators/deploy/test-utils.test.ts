// The validators the deployment tests rely on must reject what they claim to reject.
import { beforeAll, describe, expect, it } from 'vitest';
import { NGINX_BIN, checkComposeSemantics, checkNginxStructure, nginxTest, strictK8sCheck, validateCompose, validateDoSpec, validateK8sObject, warmK8sChecker } from './test-utils';

const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'x', labels: { a: 'b' } },
  spec: {
    selector: { matchLabels: { a: 'b' } },
    template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'x', image: 'x', ports: [{ containerPort: 80 }], livenessProbe: { httpGet: { path: '/', port: 'http' } } }] } },
  },
});

describe('deployment validators', () => {
  beforeAll(() => warmK8sChecker(), 120_000);

  it('the strict Kubernetes check accepts a valid object and rejects unknown or mistyped fields at any depth', () => {
    expect(validateK8sObject(deployment())).toEqual([]);
    const unknownTop = { ...deployment(), extra: 1 };
    expect(strictK8sCheck(unknownTop)).toEqual(['apps/v1/Deployment.extra: unknown field']);
    const nested = deployment();
    (nested.spec.template.spec.containers[0] as Record<string, unknown>).readinesProbe = {};
    expect(strictK8sCheck(nested)).toEqual(['apps/v1/Deployment.spec.template.spec.containers[0].readinesProbe: unknown field']);
    const mistyped = deployment();
    (mistyped.spec.template.spec.containers[0].ports[0] as Record<string, unknown>).containerPort = '80';
    expect(strictK8sCheck(mistyped).join()).toMatch(/containerPort: expected number/);
    const badLabel = deployment();
    (badLabel.metadata.labels as Record<string, unknown>).a = true;
    expect(strictK8sCheck(badLabel).join()).toMatch(/labels\.a: expected string/);
    // kubernetes-models itself catches missing required fields.
    const missing = deployment() as Record<string, unknown>;
    delete (missing.spec as Record<string, unknown>).selector;
    expect(validateK8sObject(missing).join()).toMatch(/selector/);
  });

  it('the compose check rejects unknown keys, bad durations and dangling references', () => {
    expect(validateCompose({ services: { a: { image: 'x', healthcheck: { test: ['CMD', 'true'], interval: '10s' } } } })).toEqual([]);
    expect(validateCompose({ services: { a: { image: 'x', colour: 'red' } } })).not.toEqual([]);
    expect(validateCompose({ services: { a: { image: 'x', healthcheck: { interval: 'soon' } } } })).not.toEqual([]);
    expect(checkComposeSemantics({ services: { a: { image: 'x', depends_on: { b: { condition: 'service_healthy' } }, healthcheck: {} } } })).toEqual(['a: depends on unknown b']);
    expect(
      checkComposeSemantics({ services: { a: { healthcheck: {}, depends_on: { b: { condition: 'service_started' } } }, b: { healthcheck: {}, depends_on: { a: { condition: 'service_started' } } } } }).join(),
    ).toMatch(/cycle/);
  });

  it('the App Platform schema rejects unknown fields, bad names and unknown bindable components', () => {
    const ok = { name: 'app', services: [{ name: 'api', image: { registry_type: 'DOCKER_HUB', repository: 'nginx' }, http_port: 8080, envs: [{ key: 'X', value: '${db.DATABASE_URL}', scope: 'RUN_TIME', type: 'SECRET' }] }], databases: [{ name: 'db', engine: 'PG', production: false }] };
    expect(validateDoSpec(ok)).toEqual([]);
    expect(validateDoSpec({ ...ok, colour: 'red' })).not.toEqual([]);
    expect(validateDoSpec({ ...ok, name: 'App_1' })).not.toEqual([]);
    expect(validateDoSpec({ ...ok, databases: [{ name: 'db', engine: 'MYSQL', production: false }] })).not.toEqual([]);
    expect(validateDoSpec({ ...ok, databases: [] }).join()).toMatch(/unknown component db/);
  });

  it('the nginx structure check rejects unquoted or unsafe paths and non-DNS upstream hosts', () => {
    const good = 'http {\n  upstream svc_a {\n    server a:80;\n  }\n  server {\n    location "/x/" {\n      proxy_pass "http://svc_a/";\n    }\n  }\n}\n';
    expect(checkNginxStructure(good)).toEqual([]);
    expect(checkNginxStructure(good.replace('"/x/"', '/x/'))).not.toEqual([]);
    expect(checkNginxStructure(good.replace('"/x/"', '"/x y/"'))).not.toEqual([]);
    expect(checkNginxStructure(good.replace('server a:80', 'server A_b:80'))).not.toEqual([]);
    expect(checkNginxStructure(good.replace('}\n}', '}'))).not.toEqual([]);
  });

  it.skipIf(!NGINX_BIN)('nginx -t accepts a valid config and reports a broken one', () => {
    const conf = 'events {}\nhttp {\n  upstream svc_a {\n    server a:80;\n  }\n  server {\n    listen 8080;\n    location "/x/" {\n      proxy_pass "http://svc_a/";\n    }\n  }\n}\n';
    expect(nginxTest(conf)).toBeUndefined();
    expect(nginxTest(conf.replace('listen 8080;', 'listen 8080'))).toMatch(/nginx/);
  });
});
