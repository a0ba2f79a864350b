// Python source fragments for the FastAPI templates' placeholders. Every design value is spelled
// with py() (string literal), commentText() or an identifier chosen in fastapi-model.ts.
import type { ProtoModel } from '../../contracts/proto';
import { commentText } from '../../escape';
import type { DatastoreSpec } from '../../project';
import type { ClientSpec, EventModelSpec, HandlerSpec, PyService, RouteSpec, SettingField } from './fastapi-model';
import { indent, py, pyBool, pyCollection, pyInt, pySeconds } from './python-code';

/** The Python expression of a setting's plain value. */
function settingValue(field: SettingField): string {
  return field.type === 'SecretStr' ? `settings.${field.attr}.get_secret_value()` : `settings.${field.attr}`;
}

function settingByEnv(svc: PyService, env: string): SettingField {
  const field = svc.attrOfEnv.get(env);
  if (!field) throw new Error(`fastapi: ${svc.spec.name} has no setting for ${env}`);
  return field;
}

/** Placeholders of app/settings.py. */
export function settingsCode(svc: PyService): Record<string, string> {
  const fields = svc.settings.map((f) => {
    const args = [f.defaultLiteral ?? '...', f.constraints, `description=${py(f.description)}`].filter(Boolean).join(', ');
    return `${f.attr}: ${f.type} = Field(${args})`;
  });
  return {
    fields: indent(fields, 4),
    envMap: pyCollection('{', '}', svc.settings.map((f) => `${py(f.attr)}: ${py(f.env)},`), 0),
    required: pyCollection('(', ')', svc.settings.filter((f) => f.defaultLiteral === undefined).map((f) => `${py(f.attr)},`), 0),
    urlSchemes: pyCollection('{', '}', svc.settings.filter((f) => f.schemes.length).map((f) => `${py(f.attr)}: (${f.schemes.map(py).join(', ')}),`), 0),
  };
}

function routeCode(r: RouteSpec): string[] {
  const decoratorArgs = [py(r.path)];
  const status = r.action === 'create' ? 201 : r.action === 'delete' ? 204 : 200;
  decoratorArgs.push(`status_code=${status}`, `summary=${py(r.summary)}`, `tags=[${py(r.resource)}]`, `operation_id=${py(r.fn)}`);
  if (r.action === 'delete') decoratorArgs.push('response_class=Response');
  if ((r.method === 'POST' || r.method === 'PATCH') && r.idempotent) decoratorArgs.push(`description=${py('Send an Idempotency-Key header to make retries safe.')}`);
  const args = ['request: Request'];
  const write = r.action === 'create' || r.action === 'replace' || r.action === 'merge';
  if (write) args.push('response: Response');
  for (const p of r.params) args.push(`${p}: str = Path(..., max_length=200)`);
  let call: string;
  let returns = 'Dict[str, Any]';
  const res = py(r.resource);
  const key = r.keyArg ?? 'None';
  switch (r.action) {
    case 'create':
    case 'replace':
    case 'merge':
      args.push('body: Dict[str, Any] = Body(..., description="A JSON object")');
      args.push('idempotency_key: Optional[str] = Header(None, alias="Idempotency-Key", max_length=255)');
      call = `api.write(request, response, resource=${res}, body=body, key=${key}, mode=${py(r.action)}, idempotency_key=idempotency_key)`;
      break;
    case 'read':
      call = `api.read(request, resource=${res}, key=${key})`;
      break;
    case 'list':
      args.push('limit: int = Query(20, ge=1, le=100)', 'offset: int = Query(0, ge=0)');
      call = `api.list_records(request, resource=${res}, limit=limit, offset=offset)`;
      break;
    case 'delete':
      call = `api.delete(request, resource=${res}, key=${key})`;
      returns = 'Response';
      break;
  }
  return [
    '',
    '',
    `@router.${r.method.toLowerCase()}(${decoratorArgs.join(', ')})`,
    `async def ${r.fn}(`,
    ...args.map((a) => `    ${a},`),
    `) -> ${returns}:`,
    `    return await ${call}`,
  ];
}

/** Placeholders of app/routes.py. */
export function routesCode(svc: PyService): Record<string, string> {
  const lines = svc.routes.flatMap(routeCode);
  return { routes: lines.length ? lines.join('\n') : '\n# The design lists no endpoints for this service.' };
}

function clientClass(c: ClientSpec, svc: PyService): string[] {
  const url = svc.settings.find((f) => f.attr === c.urlAttr)!;
  const breaker = c.breaker ? `CircuitBreaker(${py(c.targetName)}, ${pyInt(c.breaker.failureThreshold)}, ${pySeconds(c.breaker.resetTimeoutMs)})` : 'None';
  const apiKey = c.apiKeyAttr ? svc.settings.find((f) => f.attr === c.apiKeyAttr) : undefined;
  const headers = apiKey ? `{"Authorization": "Bearer " + ${settingValue(apiKey)}}` : 'None';
  const summary = `${c.targetName} over ${c.protocol.toUpperCase()}: ${c.timeoutMs} ms per attempt, ${c.retries} retries, ${
    c.breaker ? `circuit breaker after ${c.breaker.failureThreshold} failures for ${c.breaker.resetTimeoutMs} ms` : 'no circuit breaker'
  }${c.idempotencyKey ? ', Idempotency-Key on writes' : ''}.`;
  const head = [
    '',
    '',
    `class ${c.className}:`,
    `    ${py(summary)}`,
    '',
    `    TIMEOUT_SECONDS = ${pySeconds(c.timeoutMs)}`,
    `    RETRIES = ${pyInt(c.retries)}`,
    `    FAILURE_THRESHOLD: Optional[int] = ${c.breaker ? pyInt(c.breaker.failureThreshold) : 'None'}`,
    `    IDEMPOTENCY_KEYS = ${pyBool(c.idempotencyKey)}`,
    '',
  ];
  if (c.protocol === 'grpc') {
    return [
      ...head,
      '    def __init__(self, settings: Settings, transport: Optional[httpx.AsyncBaseTransport] = None) -> None:',
      `        self.grpc = GrpcClient(${py(c.targetName)}, ${settingValue(url)}, timeout=self.TIMEOUT_SECONDS, retries=self.RETRIES, breaker=${breaker})`,
      ...c.operations.flatMap((o) => [
        '',
        `    async def ${o.fn}(self, request: bytes, *, idempotent: bool = False) -> bytes:`,
        o.rpcPath
          ? `        # ${commentText(`${o.method} ${o.template}`)}: the rpc of ${commentText(c.targetName)}'s contract (contracts/proto); messages in app/grpc_wire.py.`
          : `        # ${commentText(`${o.method} ${o.template}`)}: prefix the method with the package from contracts/ when they differ.`,
        `        return await self.grpc.unary(${py(o.rpcPath ?? o.template)}, request, idempotent=idempotent)`,
      ]),
      '',
      '    async def aclose(self) -> None:',
      '        await self.grpc.aclose()',
    ];
  }
  const ops = c.operations.flatMap((o) => {
    const hasBody = o.method === 'POST' || o.method === 'PUT' || o.method === 'PATCH';
    const params = [...o.params.map((p) => `${p}: Any`), ...(hasBody ? ['body: Any = None'] : []), '**options: Any'];
    const path = o.params.length ? `expand_path(${py(o.template)}, {${o.params.map((p) => `${py(p)}: ${p}`).join(', ')}})` : py(o.template);
    return [
      '',
      `    async def ${o.fn}(self, ${params.join(', ')}) -> httpx.Response:`,
      `        # ${commentText(`${o.method} ${o.template}`)}`,
      `        return await self.http.request(${py(o.method)}, ${path}${hasBody ? ', json=body' : ''}, **options)`,
    ];
  });
  const graphql =
    c.protocol === 'graphql'
      ? [
          '',
          '    async def graphql(self, query: str, variables: Optional[dict] = None, **options: Any) -> httpx.Response:',
          '        return await self.http.request("POST", "/graphql", json={"query": query, "variables": variables or {}}, **options)',
        ]
      : [];
  return [
    ...head,
    '    def __init__(self, settings: Settings, transport: Optional[httpx.AsyncBaseTransport] = None) -> None:',
    '        self.http = ResilientClient(',
    `            ${py(c.targetName)},`,
    `            ${settingValue(url)},`,
    '            timeout=self.TIMEOUT_SECONDS,',
    '            retries=self.RETRIES,',
    `            breaker=${breaker},`,
    '            idempotency_keys=self.IDEMPOTENCY_KEYS,',
    `            headers=${headers},`,
    '            transport=transport,',
    '        )',
    ...ops,
    ...graphql,
    '',
    '    async def aclose(self) -> None:',
    '        await self.http.aclose()',
  ];
}

/** Placeholders of app/clients.py. */
export function clientsCode(svc: PyService): Record<string, string> {
  const grpc = svc.clients.some((c) => c.protocol === 'grpc');
  return {
    imports: grpc ? 'from .grpc_client import GrpcClient\n' : '',
    classes: svc.clients.flatMap((c) => clientClass(c, svc)).join('\n') + '\n',
    attributes: indent(['self.settings = settings', ...svc.clients.map((c) => `self.${c.attr} = ${c.className}(settings, transport)`)], 8),
    closes: indent(svc.clients.length ? svc.clients.map((c) => `await self.${c.attr}.aclose()`) : ['return None'], 8),
  };
}

function modelCode(m: EventModelSpec): string[] {
  const doc = `${m.event} v${m.version}${m.description ? `: ${m.description}` : ''}`.slice(0, 300);
  const fields = m.fields.map((f) => {
    const type = f.required ? f.type : `Optional[${f.type}]`;
    const args = [f.required ? '...' : 'None', `alias=${py(f.alias)}`, ...(f.description ? [`description=${py(f.description)}`] : [])];
    return `    ${f.attr}: ${type} = Field(${args.join(', ')})`;
  });
  return ['', '', `class ${m.className}(BaseModel):`, `    ${py(doc)}`, ...(fields.length ? ['', ...fields] : [])];
}

/** Placeholders of app/events.py. */
export function eventsCode(svc: PyService): Record<string, string> {
  return {
    models: svc.models.flatMap(modelCode).join('\n'),
    registry: pyCollection('{', '}', svc.models.map((m) => `(${py(m.event)}, ${pyInt(m.version)}): ${m.className},`), 0),
  };
}

function handlerCode(h: HandlerSpec): string[] {
  const from = h.sources.map((s) => `${s.topic} on ${s.brokerName} (group ${s.consumerGroup})`).join(', ');
  return [
    '',
    '',
    `async def ${h.fn}(envelope: Envelope, event: Optional[${h.model}], tx: Any) -> None:`,
    `    ${py(`${h.event} v${h.version} from ${from}. \`event\` is None when the data does not match the schema.`)}`,
    `    log.info("event handled", extra={"event": envelope.type, "version": envelope.version, "message_id": envelope.id, "source": envelope.source})`,
  ];
}

/** Placeholders of app/handlers.py. */
export function handlersCode(svc: PyService): Record<string, string> {
  const models = [...new Set(svc.handlers.map((h) => h.model))];
  return {
    imports: models.length ? `from .events import ${models.join(', ')}` : '',
    handlers: svc.handlers.flatMap(handlerCode).join('\n'),
  };
}

const BROKER_CLASS: Record<string, [module: string, cls: string]> = {
  rabbitmq: ['rabbitmq', 'RabbitMqBroker'],
  kafka: ['kafka', 'KafkaBroker'],
  nats: ['nats', 'NatsBroker'],
  'redis-streams': ['redis_streams', 'RedisStreamsBroker'],
};

/** Broker modules (app/messaging/<module>.py) this service needs. */
export function brokerModules(svc: PyService): string[] {
  return [...new Set(svc.spec.brokers.map((b) => BROKER_CLASS[b.technology][0]))].sort();
}

/** Placeholders of app/wiring.py. */
export function wiringCode(svc: PyService): Record<string, string> {
  const spec = svc.spec;
  const imports: string[] = [];
  if (svc.handlers.length) imports.push('from . import handlers');
  if (svc.redisCaches.length) imports.push('from .cache import RedisCache');
  imports.push('from .clients import Clients');
  if (svc.postgres.length) imports.push('from .db import Database');
  for (const [module, cls] of [...new Set(spec.brokers.map((b) => b.technology))].sort().map((t) => BROKER_CLASS[t])) imports.push(`from .messaging.${module} import ${cls}`);
  if (svc.tcpStores.length) imports.push('from .runtime import TcpDependency');
  if (spec.grpcPort !== undefined) imports.push('from .grpc_server import GrpcServer');
  imports.push(spec.primaryDatabase ? 'from .store import PostgresStore' : 'from .store import MemoryStore');

  const url = (env: string) => settingValue(settingByEnv(svc, env));
  const own = (s: DatastoreSpec) => (s === spec.primaryDatabase ? `, MIGRATIONS_DIR${svc.dbSchema ? `, schema=${py(svc.dbSchema)}` : ''}` : '');
  const databases = svc.postgres.map((s) => `${py(s.name)}: Database(${py(s.name)}, ${url(s.urlEnv)}${own(s)}),`);
  const caches = svc.redisCaches.map((s) => `${py(s.name)}: RedisCache(${py(s.name)}, ${url(s.urlEnv)}),`);
  const brokers = spec.brokers.map((b) => `${py(b.name)}: ${BROKER_CLASS[b.technology][1]}(${py(b.name)}, ${url(b.urlEnv)}, settings.service_name),`);
  const others = svc.tcpStores.map((s) => `TcpDependency(${py(s.name)}, ${url(s.urlEnv)}, ${pyInt(s.port)}),`);
  const publications = svc.publications.map(
    (e) => `Channel(broker=${py(e.brokerName)}, topic=${py(e.topic)}, routing_key=${py(e.routingKey)}, event=${py(e.event)}, version=${pyInt(e.version)}, outbox=${pyBool(e.outbox)}),`,
  );
  const handlerOf = (event: string, version: number) => svc.handlers.find((h) => h.event === event && h.version === version)!.fn;
  const subscriptions = svc.subscriptions.map(
    (e) =>
      `(Subscription(broker=${py(e.brokerName)}, topic=${py(e.topic)}, routing_key=${py(e.routingKey)}, group=${py(e.consumerGroup)}, event=${py(e.event)}, version=${pyInt(e.version)}, dedupe=${pyBool(e.dedupe)}), handlers.${handlerOf(e.event, e.version)}),`,
  );
  return {
    imports: imports.join('\n'),
    publications: pyCollection('(', ')', publications, 0),
    subscriptions: pyCollection('(', ')', subscriptions, 0),
    databases: pyCollection('{', '}', databases, 4),
    caches: pyCollection('{', '}', caches, 4),
    brokers: pyCollection('{', '}', brokers, 4),
    others: pyCollection('[', ']', others, 4),
    store: spec.primaryDatabase ? `PostgresStore(databases[${py(spec.primaryDatabase.name)}])` : 'MemoryStore()',
    clients: 'Clients(settings)',
    grpcServer:
      spec.grpcPort !== undefined
        ? indent(['# Serves GRPC_PORT for gRPC callers; stopped first, so they fail over before anything else closes.', 'grpc_server = GrpcServer(settings.grpc_port, settings.host)', 'components.append(grpc_server)'], 4)
        : '    grpc_server = None  # nothing calls this service over gRPC',
  };
}

/**
 * Placeholders of app/grpc_server.py: the contract's service and its rpc → method table. The
 * resource is the service name, as in the TypeScript stacks' server, so both read the same records.
 */
export function grpcServerCode(svc: PyService, model: ProtoModel | undefined): Record<string, string> {
  const operations = (model?.methods ?? []).map((m) => `${py(m.name)}: ${py(m.operation.method.toUpperCase())},  # ${commentText(`${m.operation.method} ${m.operation.path}`)}`);
  return {
    service: py(model?.fullService ?? ''),
    resource: py(svc.spec.name),
    operations: pyCollection('{', '}', operations, 0),
  };
}

/** Placeholders of tests/conftest.py. */
export function conftestCode(svc: PyService): Record<string, string> {
  return { env: pyCollection('{', '}', svc.settings.filter((f) => f.testValue !== '').map((f) => `${py(f.env)}: ${py(f.testValue)},`), 0) };
}

/** Tests of each REST client against its edge's policy (appended to tests/test_resilience.py). */
export function clientTestsCode(svc: PyService): Record<string, string> {
  const http = svc.clients.filter((c) => c.protocol !== 'grpc');
  if (!http.length) return { designTests: '' };
  const lines: string[] = ['', '', '# ---- the clients of this service, against the policies in the design ----', ''];
  lines.push('from app.clients import Clients  # noqa: E402', '');
  for (const c of http) {
    const test = `test_${c.attr}_client_follows_the_design`.replace(/_+/g, '_');
    lines.push(
      '',
      `def ${test}(settings) -> None:  # type: ignore[no-untyped-def]`,
      '    keys: List[Optional[str]] = []',
      '',
      '    def handler(request: httpx.Request) -> httpx.Response:',
      '        keys.append(request.headers.get("Idempotency-Key"))',
      '        return httpx.Response(503)',
      '',
      '    def fresh():  # type: ignore[no-untyped-def]',
      '        keys.clear()',
      `        client = Clients(settings, transport=httpx.MockTransport(handler)).${c.attr}`,
      '        client.http.backoff_base = 0.001',
      '        return client',
      '',
      '    client = fresh()',
      '    assert client.http.timeout == client.TIMEOUT_SECONDS',
      '    attempts = client.RETRIES + 1 if client.FAILURE_THRESHOLD is None else min(client.RETRIES + 1, client.FAILURE_THRESHOLD)',
      '    with pytest.raises((UpstreamError, CircuitOpenError)):',
      '        asyncio.run(client.http.request("GET", "/"))',
      '    assert len(keys) == attempts',
      '    client = fresh()',
      '    with pytest.raises((UpstreamError, CircuitOpenError)):',
      '        asyncio.run(client.http.request("POST", "/", json={}))',
      '    if client.IDEMPOTENCY_KEYS:',
      '        assert len(keys) == attempts and keys[0] and len(set(keys)) == 1',
      '    else:',
      '        assert len(keys) == 1 and keys[0] is None',
    );
  }
  return { designTests: lines.join('\n') };
}

/** Placeholders of tests/test_api.py. */
export function apiTestsCode(svc: PyService): Record<string, string> {
  const writes = svc.routes.filter((r) => r.action === 'create' || r.action === 'replace' || r.action === 'merge');
  const first = writes[0];
  const directPublish = svc.publications.some((p) => !p.outbox);
  const needsInfra = svc.spec.primaryDatabase !== undefined || directPublish;
  const okStatus = (r: RouteSpec) => (r.action === 'create' ? 201 : 200);
  const outboxCount = svc.publications.filter((p) => p.outbox).length;
  const directCount = svc.publications.length - outboxCount;
  const constants = [
    '#: (method, path, expected status) of the first write endpoint while nothing is running.',
    `WRITE_PROBE = ${first ? `(${py(first.method)}, ${py(first.examplePath)}, ${needsInfra ? 503 : okStatus(first)})` : 'None'}`,
  ].join('\n');
  const tests: string[] = [];
  if (first) {
    tests.push(
      '',
      '',
      'def test_write_validates_the_body_and_honours_idempotency_keys(api: Tuple[TestClient, Any]) -> None:',
      '    client, runtime = api',
      `    method, path = ${py(first.method)}, ${py(first.examplePath)}`,
      '    assert client.request(method, path, json=[1, 2]).status_code == 422',
      '    assert client.request(method, path, content=b"not json", headers={"content-type": "application/json"}).status_code == 422',
      '    first = client.request(method, path, json={"example": 1}, headers={"Idempotency-Key": "key-1"})',
      `    assert first.status_code == ${okStatus(first)}, first.text`,
      '    again = client.request(method, path, json={"example": 1}, headers={"Idempotency-Key": "key-1"})',
      `    assert again.status_code == ${okStatus(first)}`,
      '    assert again.json()["id"] == first.json()["id"]',
      '    assert again.headers.get("Idempotent-Replayed") == "true"',
      '    assert len(runtime.store.records) == 1',
      `    assert len(runtime.store.outbox) == ${outboxCount}  # outbox rows, written with the record`,
      `    assert len(runtime.publisher.published) == ${directCount}  # published directly`,
    );
  }
  const list = svc.routes.find((r) => r.action === 'list');
  if (list) {
    tests.push(
      '',
      '',
      'def test_list_validates_paging(api: Tuple[TestClient, Any]) -> None:',
      '    client, _ = api',
      `    response = client.get(${py(list.examplePath)})`,
      '    assert response.status_code == 200 and response.json()["items"] == []',
      `    assert client.get(${py(list.examplePath)}, params={"limit": 0}).status_code == 422`,
    );
  }
  const read = svc.routes.find((r) => r.action === 'read');
  if (read) {
    tests.push('', '', 'def test_read_of_a_missing_record_is_404(api: Tuple[TestClient, Any]) -> None:', '    client, _ = api', `    assert client.get(${py(read.examplePath)}).status_code == 404`);
    const put = svc.routes.find((r) => r.action === 'replace' && r.resource === read.resource && r.keyArg !== undefined);
    if (put) {
      tests.push(
        '',
        '',
        'def test_put_then_get_returns_the_record(api: Tuple[TestClient, Any]) -> None:',
        '    client, _ = api',
        `    stored = client.put(${py(put.examplePath)}, json={"example": 2})`,
        '    assert stored.status_code == 200, stored.text',
        `    assert client.put(${py(put.examplePath)}, json={"example": 3}).json()["id"] == stored.json()["id"]`,
        `    if ${py(read.examplePath)} == ${py(put.examplePath)}:`,
        `        assert client.get(${py(read.examplePath)}).json()["data"] == {"example": 3}`,
      );
    }
  }
  return { constants, tests: tests.join('\n') };
}
