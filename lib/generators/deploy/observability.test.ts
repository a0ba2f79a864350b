import { describe, expect, it } from 'vitest';
import { designSchema } from '@/lib/model';
import { GRAFANA_DATASOURCES_PATH, OTEL_CONFIG_PATH, PROMETHEUS_CONFIG_PATH } from './observability';
import { generateDeploy, parseYamlDocs, starterDesigns } from './test-utils';

type Collector = {
  receivers: Record<string, unknown>;
  processors: Record<string, unknown>;
  exporters: Record<string, unknown>;
  extensions: Record<string, unknown>;
  service: { extensions: string[]; pipelines: Record<string, { receivers: string[]; processors: string[]; exporters: string[] }> };
};

const read = (files: { path: string; content: string }[], p: string) => parseYamlDocs(files.find((f) => f.path === p)!.content, p)[0];

/** Every component a pipeline names is defined, and every defined component is used. */
function checkCollector(c: Collector): string[] {
  const errors: string[] = [];
  const used = { receivers: new Set<string>(), processors: new Set<string>(), exporters: new Set<string>() };
  for (const [name, p] of Object.entries(c.service.pipelines)) {
    if (!/^(traces|metrics|logs)(\/.+)?$/.test(name)) errors.push(`bad pipeline ${name}`);
    for (const kind of ['receivers', 'processors', 'exporters'] as const) {
      for (const id of p[kind]) {
        used[kind].add(id);
        if (!(id in c[kind])) errors.push(`${name}: ${kind} ${id} is not defined`);
      }
    }
    if (!p.receivers.length || !p.exporters.length) errors.push(`${name}: empty`);
  }
  for (const kind of ['receivers', 'processors', 'exporters'] as const) for (const id of Object.keys(c[kind])) if (!used[kind].has(id)) errors.push(`${kind} ${id} is unused`);
  for (const e of c.service.extensions) if (!(e in c.extensions)) errors.push(`extension ${e} is not defined`);
  return errors;
}

describe('observability generator', () => {
  for (const { id, design } of starterDesigns()) {
    it(`${id}: collector, Prometheus and Grafana configs parse and are consistent`, () => {
      const files = generateDeploy(design, {}, ['observability']);
      expect(files.map((f) => f.path).sort()).toEqual([GRAFANA_DATASOURCES_PATH, OTEL_CONFIG_PATH, PROMETHEUS_CONFIG_PATH].sort());
      const collector = read(files, OTEL_CONFIG_PATH) as Collector;
      expect(checkCollector(collector)).toEqual([]);
      expect(collector.receivers).toEqual({ otlp: { protocols: { grpc: { endpoint: '0.0.0.0:4317' }, http: { endpoint: '0.0.0.0:4318' } } } });
      expect(collector.service.pipelines.traces.exporters).toEqual(['otlp/jaeger']);
      expect(collector.service.pipelines.metrics.exporters).toEqual(['prometheus']);
      expect(collector.service.pipelines.traces.processors).toContain('batch');
      const prom = read(files, PROMETHEUS_CONFIG_PATH) as { scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[] };
      expect(prom.scrape_configs.find((s) => s.job_name === 'otel-collector')!.static_configs[0].targets).toEqual(['otel-collector:8889']);
      const grafana = read(files, GRAFANA_DATASOURCES_PATH) as { apiVersion: number; datasources: { type: string; url: string; isDefault?: boolean }[] };
      expect(grafana.apiVersion).toBe(1);
      expect(grafana.datasources.map((d) => d.type)).toEqual(expect.arrayContaining(['prometheus', 'jaeger']));
      expect(grafana.datasources.filter((d) => d.isDefault)).toHaveLength(1);
    });
  }

  it('sends logs to Loki when the design has a Loki node', () => {
    const design = designSchema.parse({ name: 'L', nodes: [{ kind: 'observability', id: 'o', name: 'logs', technology: 'loki', position: { x: 0, y: 0 } }] });
    const files = generateDeploy(design, {}, ['observability', 'compose']);
    const collector = read(files, OTEL_CONFIG_PATH) as Collector;
    expect(checkCollector(collector)).toEqual([]);
    expect(collector.service.pipelines.logs.exporters).toEqual(['otlphttp/loki']);
    expect((read(files, GRAFANA_DATASOURCES_PATH) as { datasources: { type: string }[] }).datasources.map((d) => d.type)).toContain('loki');
    expect(Object.keys((read(files, 'docker-compose.yml') as { services: object }).services)).toContain('loki');
  });

  it('is not emitted when observability is off, and services then get no OTLP settings', () => {
    const { design } = starterDesigns().find((d) => d.id === 'ecommerce')!;
    const files = generateDeploy(design, { observability: false });
    expect(files.some((f) => f.path.startsWith('observability/'))).toBe(false);
    const compose = read(files, 'docker-compose.yml') as { services: Record<string, { environment?: Record<string, string> }> };
    expect(compose.services['otel-collector']).toBeUndefined();
    expect(compose.services.orders.environment!.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
  });

  it('snapshot (e-commerce)', () => {
    const { design } = starterDesigns().find((d) => d.id === 'ecommerce')!;
    for (const f of generateDeploy(design, {}, ['observability'])) expect(f.content).toMatchSnapshot(f.path);
  });
});
