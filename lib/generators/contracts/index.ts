import type { Generator } from '../types';
import { asyncapiGenerator } from './asyncapi';
import { eventContractsGenerator } from './event-contracts';
import { openapiGenerator } from './openapi';
import { protoGenerator } from './proto';
import { sqlMigrationsGenerator } from './sql-migrations';

export { protoModel, type ProtoModel, type ProtoMethod } from './proto';
export { serviceDbSchema, migrationPath } from './sql-migrations';
export { eventVersions, type EventVersion } from './events';

/** Generators of this folder, in emission order. Each lives in its own file here. */
export const CONTRACTS_GENERATORS: Generator[] = [openapiGenerator, asyncapiGenerator, protoGenerator, eventContractsGenerator, sqlMigrationsGenerator];
