import type { Generator } from '../../types';
import { fastifyService } from './fastify-service';
import { nestjsService } from './nestjs-service';

/** Generators of this folder, in emission order. Each lives in its own file here. */
export const STACKS_TYPESCRIPT_GENERATORS: Generator[] = [fastifyService, nestjsService];
