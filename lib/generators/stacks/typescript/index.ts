import type { Generator } from '../../types';
import { fastifyService } from './fastify-service';

/** Generators of this folder, in emission order. Each lives in its own file here. */
export const STACKS_TYPESCRIPT_GENERATORS: Generator[] = [fastifyService];
