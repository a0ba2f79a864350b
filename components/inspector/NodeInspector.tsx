'use client';

import {
  AUTH_KINDS,
  BROKER_TECHS,
  CACHE_TECHS,
  CLIENT_TECHS,
  DATABASE_TECHS,
  GATEWAY_TECHS,
  HTTP_METHODS,
  NODE_KIND_INFO,
  OBSERVABILITY_TECHS,
  SERVICE_STACKS,
  SIZE_TIERS,
  newId,
  type BrokerNode,
  type CacheNode,
  type ClientNode,
  type DatabaseNode,
  type Design,
  type DesignNode,
  type Endpoint,
  type ExternalNode,
  type GatewayNode,
  type ObservabilityNode,
  type Route,
  type ServiceNode,
  type Topic,
} from '@/lib/model';
import { useActions } from '@/components/editor/EditorContext';
import { CheckboxField, NumberField, Select, SelectField, TextField, TextInput } from '@/components/ui';
import { EventsEditor } from './EventsEditor';
import { AddButton, Empty, errorOf, InspectorHeader, RemoveButton, Row, Section } from './parts';

/** Commits a patch to one node; `field` names the coalescing key so typing is one undo step. */
type Patch = (field: string, patch: Record<string, unknown>) => string | null;

const LOGGING = ['json', 'text', 'none'] as const;

/** Properties of one node: common fields, then those of its kind. */
export function NodeInspector({ node, design }: { node: DesignNode; design: Design }) {
  const actions = useActions();
  const patch: Patch = (field, p) => errorOf(actions.updateNode(node.id, p, { coalesceKey: `node:${node.id}:${field}` }));
  const info = NODE_KIND_INFO[node.kind];

  return (
    <div>
      <InspectorHeader kind={info.title} title={node.label || node.name} subtitle={node.label ? <span className="font-mono">{node.name}</span> : info.blurb} />
      <Section title="General">
        <TextField
          label="Name"
          ariaLabel="Name"
          mono
          spellCheck={false}
          value={node.name}
          // The store checks DNS-1123 rules and uniqueness; a rejected name stays here with the reason.
          onCommit={(v) => patch('name', { name: v })}
          hint="Host, container and Kubernetes name: lowercase letters, digits and “-”."
        />
        <TextField label="Display label" value={node.label ?? ''} placeholder={node.name} onCommit={(v) => patch('label', { label: v === '' ? undefined : v })} />
        <TextField label="Description" multiline value={node.description} onCommit={(v) => patch('description', { description: v })} />
        {design.groups.length > 0 && (
          <SelectField
            label="Bounded context"
            value={node.parentId ?? ''}
            emptyLabel="None"
            options={design.groups.map((g) => ({ value: g.id, label: g.name }))}
            onChange={(v) => actions.setParent([node.id], v || null)}
          />
        )}
      </Section>
      <KindFields node={node} design={design} patch={patch} />
    </div>
  );
}

function KindFields({ node, design, patch }: { node: DesignNode; design: Design; patch: Patch }) {
  switch (node.kind) {
    case 'service':
      return <ServiceFields node={node} design={design} patch={patch} />;
    case 'gateway':
      return <GatewayFields node={node} design={design} patch={patch} />;
    case 'broker':
      return <BrokerFields node={node} patch={patch} />;
    case 'database':
    case 'cache':
      return <DataStoreFields node={node} design={design} patch={patch} />;
    case 'external':
      return <ExternalFields node={node} patch={patch} />;
    case 'client':
      return <ClientFields node={node} patch={patch} />;
    case 'observability':
      return <ObservabilityFields node={node} patch={patch} />;
  }
}

const serviceOptions = (design: Design) =>
  design.nodes.filter((n) => n.kind === 'service').map((n) => ({ value: n.id, label: n.label ? `${n.label} (${n.name})` : n.name }));

function ServiceFields({ node, design, patch }: { node: ServiceNode; design: Design; patch: Patch }) {
  return (
    <>
      <Section title="Runtime">
        <Row>
          <SelectField label="Stack" value={node.stack} options={SERVICE_STACKS} onChange={(v) => patch('stack', { stack: v })} />
          <SelectField label="Size" value={node.size} options={SIZE_TIERS} onChange={(v) => patch('size', { size: v })} />
        </Row>
        <Row>
          <NumberField label="Port" value={node.port} min={1} max={65535} onCommit={(v) => patch('port', { port: v })} />
          <NumberField label="Replicas" value={node.replicas} min={0} max={1000} onCommit={(v) => patch('replicas', { replicas: v })} />
        </Row>
        <CheckboxField label="Stateless" checked={node.stateless} onChange={(v) => patch('stateless', { stateless: v })} hint="Keeps no state in memory between requests, so it scales horizontally." />
        <TextField label="Owner team" value={node.ownerTeam} onCommit={(v) => patch('ownerTeam', { ownerTeam: v })} />
      </Section>
      <Section title="Operations">
        <Row>
          <CheckboxField label="Liveness probe" checked={node.healthCheck.liveness} onChange={(v) => patch('health', { healthCheck: { ...node.healthCheck, liveness: v } })} />
          <CheckboxField label="Readiness probe" checked={node.healthCheck.readiness} onChange={(v) => patch('health', { healthCheck: { ...node.healthCheck, readiness: v } })} />
        </Row>
        <Row>
          <CheckboxField label="Tracing" checked={node.tracing} onChange={(v) => patch('tracing', { tracing: v })} />
          <SelectField label="Logging" value={node.logging} options={LOGGING} onChange={(v) => patch('logging', { logging: v })} />
        </Row>
      </Section>
      <EndpointsEditor node={node} patch={patch} />
      <EventsEditor service={node} design={design} />
    </>
  );
}

function EndpointsEditor({ node, patch }: { node: ServiceNode; patch: Patch }) {
  const set = (field: string, endpoints: Endpoint[]) => patch(`endpoints:${field}`, { endpoints });
  const edit = (i: number, field: keyof Endpoint, value: unknown) => set(`${node.endpoints[i].id}:${field}`, node.endpoints.map((e, j) => (j === i ? { ...e, [field]: value } : e)));
  return (
    <Section
      title="Endpoints"
      actions={
        <AddButton
          label="Add endpoint"
          onClick={() => set('add', [...node.endpoints, { id: newId('ep'), method: 'GET', path: '/resource', summary: '', idempotent: true }])}
        />
      }
    >
      {node.endpoints.length === 0 && <Empty>No endpoints yet.</Empty>}
      {node.endpoints.map((ep, i) => (
        <div key={ep.id} className="rounded-md border border-neutral-200 p-2 dark:border-neutral-800">
          <div className="flex items-start gap-1.5">
            <div className="w-24 shrink-0">
              <Select aria-label="Method" value={ep.method} options={HTTP_METHODS} onChange={(v) => edit(i, 'method', v)} />
            </div>
            <TextInput ariaLabel="Path" mono value={ep.path} onCommit={(v) => edit(i, 'path', v)} className="flex-1" />
            <RemoveButton label={`Remove endpoint ${ep.method} ${ep.path}`} onClick={() => set('remove', node.endpoints.filter((_, j) => j !== i))} />
          </div>
          <div className="mt-1.5 flex items-center gap-2">
            <TextInput ariaLabel="Summary" placeholder="Summary" value={ep.summary} onCommit={(v) => edit(i, 'summary', v)} className="flex-1" />
            <label className="flex shrink-0 items-center gap-1 text-xs text-neutral-700 dark:text-neutral-300" title="Safe to retry: the same request twice has the effect of one">
              <input type="checkbox" checked={ep.idempotent} onChange={(e) => edit(i, 'idempotent', e.target.checked)} className="size-3.5 accent-sky-600" />
              Idempotent
            </label>
          </div>
        </div>
      ))}
    </Section>
  );
}

function GatewayFields({ node, design, patch }: { node: GatewayNode; design: Design; patch: Patch }) {
  const services = serviceOptions(design);
  const setRoutes = (field: string, routes: Route[]) => patch(`routes:${field}`, { routes });
  const edit = (i: number, field: keyof Route, value: string) => setRoutes(`${node.routes[i].id}:${field}`, node.routes.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  return (
    <>
      <Section title="Gateway">
        <Row>
          <SelectField label="Technology" value={node.technology} options={GATEWAY_TECHS} onChange={(v) => patch('technology', { technology: v })} />
          <NumberField label="Port" value={node.port} min={1} max={65535} onCommit={(v) => patch('port', { port: v })} />
        </Row>
        <SelectField label="Authentication" value={node.authentication} options={AUTH_KINDS} onChange={(v) => patch('authentication', { authentication: v })} />
        <NumberField label="Rate limit" suffix="requests/s" value={node.rateLimitRps} min={0} max={1_000_000} onCommit={(v) => patch('rateLimitRps', { rateLimitRps: v })} hint="0 turns rate limiting off." />
        <CheckboxField label="TLS" checked={node.tls} onChange={(v) => patch('tls', { tls: v })} />
      </Section>
      <Section
        title="Routes"
        actions={
          <AddButton
            label="Add route"
            disabled={services.length === 0}
            title={services.length === 0 ? 'Add a service first: routes forward to services' : undefined}
            onClick={() => setRoutes('add', [...node.routes, { id: newId('rt'), path: '/api', target: services[0].value }])}
          />
        }
      >
        {node.routes.length === 0 && <Empty>{services.length ? 'No routes yet.' : 'No routes yet. Add a service to route to.'}</Empty>}
        {node.routes.map((r, i) => (
          <div key={r.id} className="rounded-md border border-neutral-200 p-2 dark:border-neutral-800">
            <div className="flex items-start gap-1.5">
              <TextInput ariaLabel="Route path" mono value={r.path} onCommit={(v) => edit(i, 'path', v)} className="flex-1" />
              <RemoveButton label={`Remove route ${r.path}`} onClick={() => setRoutes('remove', node.routes.filter((_, j) => j !== i))} />
            </div>
            <div className="mt-1.5 flex items-center gap-1.5">
              <span aria-hidden="true" className="text-neutral-400">
                →
              </span>
              <Select aria-label="Target service" value={r.target} options={services} onChange={(v) => edit(i, 'target', v)} />
            </div>
          </div>
        ))}
      </Section>
    </>
  );
}

function BrokerFields({ node, patch }: { node: BrokerNode; patch: Patch }) {
  const setTopics = (field: string, topics: Topic[]) => patch(`topics:${field}`, { topics });
  const edit = (i: number, field: keyof Topic, value: unknown) => setTopics(`${i}:${field}`, node.topics.map((t, j) => (j === i ? { ...t, [field]: value } : t)));
  const nextTopicName = () => {
    const names = new Set(node.topics.map((t) => t.name));
    let name = 'topic';
    for (let k = 2; names.has(name); k++) name = `topic-${k}`;
    return name;
  };
  return (
    <>
      <Section title="Broker">
        <SelectField label="Technology" value={node.technology} options={BROKER_TECHS} onChange={(v) => patch('technology', { technology: v })} />
      </Section>
      <Section title={node.technology === 'rabbitmq' ? 'Topics / exchanges' : 'Topics'} actions={<AddButton label="Add topic" onClick={() => setTopics('add', [...node.topics, { name: nextTopicName() }])} />}>
        {node.topics.length === 0 && <Empty>No topics yet.</Empty>}
        {node.topics.map((t, i) => (
          // Topics have no id: the index is their identity within this list.
          <div key={i} className="rounded-md border border-neutral-200 p-2 dark:border-neutral-800">
            <div className="flex items-start gap-1.5">
              <TextInput ariaLabel="Topic" mono value={t.name} onCommit={(v) => edit(i, 'name', v)} className="flex-1" />
              <RemoveButton label={`Remove topic ${t.name}`} onClick={() => setTopics('remove', node.topics.filter((_, j) => j !== i))} />
            </div>
            <div className="mt-1.5">
              <Row>
                <NumberField label="Partitions" value={t.partitions} min={1} max={10_000} onCommit={(v) => edit(i, 'partitions', v)} />
                <NumberField label="Retention" suffix="h" value={t.retentionHours} min={1} onCommit={(v) => edit(i, 'retentionHours', v)} />
              </Row>
            </div>
          </div>
        ))}
      </Section>
    </>
  );
}

function DataStoreFields({ node, design, patch }: { node: DatabaseNode | CacheNode; design: Design; patch: Patch }) {
  return (
    <Section title={node.kind === 'cache' ? 'Cache' : 'Database'}>
      <SelectField
        label="Technology"
        value={node.technology}
        options={node.kind === 'cache' ? CACHE_TECHS : DATABASE_TECHS}
        onChange={(v) => patch('technology', { technology: v })}
      />
      <SelectField
        label="Owner service"
        value={node.ownerId ?? ''}
        emptyLabel="No owner"
        options={serviceOptions(design)}
        onChange={(v) => patch('ownerId', { ownerId: v || undefined })}
        hint="Database per service: only the owner should read and write it."
      />
    </Section>
  );
}

function ExternalFields({ node, patch }: { node: ExternalNode; patch: Patch }) {
  return (
    <Section title="External system">
      <TextField label="Technology" value={node.technology} placeholder="e.g. Stripe, SendGrid" onCommit={(v) => patch('technology', { technology: v })} />
      <TextField label="URL" mono spellCheck={false} value={node.url} placeholder="https://api.example.com" onCommit={(v) => patch('url', { url: v })} />
    </Section>
  );
}

function ClientFields({ node, patch }: { node: ClientNode; patch: Patch }) {
  return (
    <Section title="Client">
      <SelectField label="Technology" value={node.technology} options={CLIENT_TECHS} onChange={(v) => patch('technology', { technology: v })} />
    </Section>
  );
}

function ObservabilityFields({ node, patch }: { node: ObservabilityNode; patch: Patch }) {
  const setSignal = (k: 'traces' | 'metrics' | 'logs', v: boolean) => patch('signals', { signals: { ...node.signals, [k]: v } });
  return (
    <Section title="Observability">
      <SelectField label="Technology" value={node.technology} options={OBSERVABILITY_TECHS} onChange={(v) => patch('technology', { technology: v })} />
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1 text-xs font-medium text-neutral-600 dark:text-neutral-300">Signals</legend>
        <CheckboxField label="Traces" checked={node.signals.traces} onChange={(v) => setSignal('traces', v)} />
        <CheckboxField label="Metrics" checked={node.signals.metrics} onChange={(v) => setSignal('metrics', v)} />
        <CheckboxField label="Logs" checked={node.signals.logs} onChange={(v) => setSignal('logs', v)} />
      </fieldset>
    </Section>
  );
}
