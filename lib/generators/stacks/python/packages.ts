// Python packages the generated FastAPI services pin. Exact versions, so the same design always
// yields the same requirements; bumped together with the templates that use them.

/** Pinned versions of every package a generated FastAPI service may depend on. */
export const PYTHON_PACKAGES = {
  fastapi: '0.142.2',
  uvicorn: '0.54.0',
  pydantic: '2.13.5',
  httpx: '0.28.1',
  asyncpg: '0.31.0',
  redis: '8.1.0',
  'aio-pika': '9.5.5',
  aiokafka: '0.12.0',
  'nats-py': '2.15.0',
  grpcio: '1.84.0',
  'opentelemetry-api': '1.45.0',
  'opentelemetry-sdk': '1.45.0',
  'opentelemetry-exporter-otlp-proto-http': '1.45.0',
  pytest: '8.4.2',
} as const;

export type PythonPackage = keyof typeof PYTHON_PACKAGES;

/** `name==version` for a requirements file. */
export function pin(name: PythonPackage): string {
  return `${name}==${PYTHON_PACKAGES[name]}`;
}
