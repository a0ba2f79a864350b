// Exact versions of the npm packages generated TypeScript services depend on. Pinned, so the
// same design always yields the same package.json; chosen to run on the Node image tag in
// ToolVersions.node (20.x). Bump together and rerun the *.generated.test.ts check.

/** npm package → exact version. */
export const TS_PACKAGE_VERSIONS = {
  // runtime, both stacks
  zod: '4.6.7',
  pino: '10.4.0',
  pg: '8.23.1',
  amqplib: '0.10.9',
  kafkajs: '2.2.4',
  nats: '2.29.3',
  ioredis: '5.11.1',
  '@grpc/grpc-js': '1.14.7',
  '@grpc/proto-loader': '0.8.1',
  '@opentelemetry/api': '1.9.0',
  '@opentelemetry/sdk-node': '0.223.0',
  '@opentelemetry/exporter-trace-otlp-http': '0.223.0',
  '@opentelemetry/instrumentation-http': '0.223.0',
  '@opentelemetry/instrumentation-undici': '0.33.0',
  // fastify stack
  fastify: '5.12.8',
  // nestjs stack
  '@nestjs/common': '11.2.10',
  '@nestjs/core': '11.2.10',
  '@nestjs/platform-fastify': '11.2.8',
  'reflect-metadata': '0.2.2',
  rxjs: '7.8.2',
  // build and types
  typescript: '5.9.3',
  '@types/node': '20.19.43',
  '@types/pg': '8.23.1',
  '@types/amqplib': '0.10.8',
} as const;

export type TsPackage = keyof typeof TS_PACKAGE_VERSIONS;
