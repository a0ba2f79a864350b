'use client';

import { useId } from 'react';
import {
  CALL_PROTOCOLS,
  DATA_ACCESS,
  EDGE_KINDS,
  HTTP_METHODS,
  type CallEdge,
  type Design,
  type DesignEdge,
  type EdgeKind,
  type Operation,
  type PublishEdge,
  type SubscribeEdge,
} from '@/lib/model';
import { useActions, useEditorContext } from '@/components/editor/EditorContext';
import { CheckboxField, NumberField, Select, SelectField, TextField, TextInput } from '@/components/ui';
import { AddButton, Empty, errorOf, InspectorHeader, RemoveButton, Row, Section } from './parts';

type Patch = (field: string, patch: Record<string, unknown>) => string | null;

const KIND_LABELS: Record<EdgeKind, string> = {
  call: 'Call (synchronous)',
  publish: 'Publish (event)',
  subscribe: 'Subscribe (event)',
  data: 'Data access',
};

const DEFAULT_TIMEOUT_MS = 2000;
const DEFAULT_BREAKER = { enabled: true, failureThreshold: 5, resetTimeoutMs: 30_000 };

/** Properties of one connection: its kind, then the fields of that kind. */
export function EdgeInspector({ edge, design }: { edge: DesignEdge; design: Design }) {
  const actions = useActions();
  const { ui } = useEditorContext();
  const patch: Patch = (field, p) => errorOf(actions.updateEdge(edge.id, p, { coalesceKey: `edge:${edge.id}:${field}` }));
  const nameOf = (id: string) => {
    const n = design.nodes.find((x) => x.id === id);
    return n ? n.label || n.name : id;
  };
  const title = `${nameOf(edge.source)} → ${nameOf(edge.target)}`;

  return (
    <div>
      <InspectorHeader kind="Connection" title={title} subtitle={KIND_LABELS[edge.kind]} />
      <Section title="General">
        <SelectField
          label="Kind"
          value={edge.kind}
          options={EDGE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          onChange={(k) => {
            const r = actions.setEdgeKind(edge.id, k);
            if (!r.ok) ui.getState().notify('error', r.error);
          }}
          hint="Changing the kind keeps the endpoints and resets kind-specific settings to good defaults."
        />
        <TextField label="Display label" value={edge.label ?? ''} onCommit={(v) => patch('label', { label: v === '' ? undefined : v })} />
        <TextField label="Description" multiline rows={2} value={edge.description} onCommit={(v) => patch('description', { description: v })} />
      </Section>
      {edge.kind === 'call' && <CallFields edge={edge} patch={patch} />}
      {(edge.kind === 'publish' || edge.kind === 'subscribe') && <EventFields edge={edge} design={design} patch={patch} />}
      {edge.kind === 'data' && (
        <Section title="Data access">
          <SelectField label="Access" value={edge.access} options={DATA_ACCESS} onChange={(v) => patch('access', { access: v })} />
        </Section>
      )}
    </div>
  );
}

function CallFields({ edge, patch }: { edge: CallEdge; patch: Patch }) {
  const ops = edge.operations;
  const setOps = (field: string, operations: Operation[]) => patch(`operations:${field}`, { operations });
  const editOp = (i: number, key: keyof Operation, value: string) => setOps(`${i}:${key}`, ops.map((o, j) => (j === i ? { ...o, [key]: value } : o)));
  const cb = edge.circuitBreaker;
  const cbOn = !!cb?.enabled;
  const noTimeout = edge.timeoutMs === undefined;

  return (
    <>
      <Section title="Call">
        <SelectField label="Protocol" value={edge.protocol} options={CALL_PROTOCOLS} onChange={(v) => patch('protocol', { protocol: v })} />
        <div className="flex flex-col gap-1.5">
          <NumberField label="Timeout" suffix="ms" value={edge.timeoutMs} min={1} max={3_600_000} disabled={noTimeout} onCommit={(v) => patch('timeoutMs', { timeoutMs: v })} />
          <CheckboxField
            label="No timeout"
            checked={noTimeout}
            // `undefined` clears the field: the missing-timeout rule will then report the call.
            onChange={(v) => patch('timeoutMs', { timeoutMs: v ? undefined : DEFAULT_TIMEOUT_MS })}
            hint={noTimeout ? 'A call without a timeout can hang its caller when the target is slow.' : undefined}
          />
        </div>
        <Row>
          <NumberField label="Retries" value={edge.retries} min={0} max={20} onCommit={(v) => patch('retries', { retries: v })} />
          <NumberField label="Calls per request" value={edge.callsPerRequest} min={1} max={10_000} onCommit={(v) => patch('callsPerRequest', { callsPerRequest: v })} />
        </Row>
        <CheckboxField
          label="Idempotency key"
          checked={edge.idempotencyKey}
          onChange={(v) => patch('idempotencyKey', { idempotencyKey: v })}
          hint="The caller sends an Idempotency-Key header so a retried write applies once."
        />
        <CheckboxField label="TLS" checked={edge.tls} onChange={(v) => patch('tls', { tls: v })} hint="Encrypted in transit (TLS, or a mesh with mTLS)." />
      </Section>
      <Section title="Circuit breaker">
        <CheckboxField label="Circuit breaker" checked={cbOn} onChange={(v) => patch('circuitBreaker', { circuitBreaker: { ...DEFAULT_BREAKER, ...cb, enabled: v } })} />
        <Row>
          <NumberField
            label="Failure threshold"
            value={cb?.failureThreshold ?? DEFAULT_BREAKER.failureThreshold}
            min={1}
            max={1000}
            disabled={!cbOn}
            onCommit={(v) => patch('cbThreshold', { circuitBreaker: { ...DEFAULT_BREAKER, ...cb, failureThreshold: v } })}
          />
          <NumberField
            label="Reset after"
            suffix="ms"
            value={cb?.resetTimeoutMs ?? DEFAULT_BREAKER.resetTimeoutMs}
            min={1}
            max={3_600_000}
            disabled={!cbOn}
            onCommit={(v) => patch('cbReset', { circuitBreaker: { ...DEFAULT_BREAKER, ...cb, resetTimeoutMs: v } })}
          />
        </Row>
      </Section>
      <Section title="Operations" actions={<AddButton label="Add operation" onClick={() => setOps('add', [...ops, { method: 'GET', path: edge.protocol === 'grpc' ? 'Service/Method' : '/resource' }])} />}>
        {ops.length === 0 && <Empty>No operations listed.</Empty>}
        {ops.map((op, i) => (
          // Operations have no id; the index is their identity in this list.
          <div key={i} className="flex items-start gap-1.5">
            <div className="w-24 shrink-0">
              <Select aria-label="Method" value={op.method} options={HTTP_METHODS} onChange={(v) => editOp(i, 'method', v)} />
            </div>
            <TextInput ariaLabel="Operation path" mono value={op.path} onCommit={(v) => editOp(i, 'path', v)} className="flex-1" />
            <RemoveButton label={`Remove operation ${op.method} ${op.path}`} onClick={() => setOps('remove', ops.filter((_, j) => j !== i))} />
          </div>
        ))}
      </Section>
    </>
  );
}

function EventFields({ edge, design, patch }: { edge: PublishEdge | SubscribeEdge; design: Design; patch: Patch }) {
  const topicsId = useId();
  const eventsId = useId();
  // Suggest the topics of the broker at either end, and the events the design defines.
  const broker = design.nodes.find((n) => (n.id === edge.source || n.id === edge.target) && n.kind === 'broker');
  const topics = broker?.kind === 'broker' ? broker.topics.map((t) => t.name) : [];
  const events = [...new Set(design.events.map((e) => e.name))];
  const versions = design.events.filter((e) => e.name === edge.event).map((e) => e.version);

  return (
    <Section title={edge.kind === 'publish' ? 'Publish' : 'Subscribe'}>
      <TextField label="Topic" mono spellCheck={false} value={edge.topic} list={topicsId} onCommit={(v) => patch('topic', { topic: v })} />
      <datalist id={topicsId}>
        {topics.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <Row>
        <TextField label="Event" mono spellCheck={false} value={edge.event} list={eventsId} onCommit={(v) => patch('event', { event: v })} />
        <NumberField
          label="Version"
          value={edge.version}
          min={1}
          max={10_000}
          onCommit={(v) => patch('version', { version: v })}
          hint={versions.length ? `Defined: ${versions.sort((a, b) => a - b).map((v) => `v${v}`).join(', ')}` : undefined}
        />
      </Row>
      <datalist id={eventsId}>
        {events.map((e) => (
          <option key={e} value={e} />
        ))}
      </datalist>
      {edge.kind === 'publish' ? (
        <CheckboxField label="Transactional outbox" checked={edge.outbox} onChange={(v) => patch('outbox', { outbox: v })} hint="The event is stored with the data change and relayed, so it is never lost or sent for a rolled-back change." />
      ) : (
        <>
          <TextField label="Consumer group" mono value={edge.consumerGroup ?? ''} onCommit={(v) => patch('consumerGroup', { consumerGroup: v === '' ? undefined : v })} />
          <CheckboxField label="Deduplicate" checked={edge.dedupe} onChange={(v) => patch('dedupe', { dedupe: v })} hint="The consumer remembers processed message ids, so a redelivered event is handled once." />
        </>
      )}
    </Section>
  );
}
