import type { Generator } from './types';
import { CONTRACTS_GENERATORS } from './contracts';
import { DEPLOY_GENERATORS } from './deploy';
import { DOCS_GENERATORS } from './docs';
import { STACKS_PYTHON_GENERATORS } from './stacks/python';
import { STACKS_TYPESCRIPT_GENERATORS } from './stacks/typescript';

/** Every generator, keyed by id. Generators are grouped in folders; each folder's index lists its own. */
export const GENERATORS: ReadonlyMap<string, Generator> = new Map(
  [...STACKS_TYPESCRIPT_GENERATORS, ...STACKS_PYTHON_GENERATORS, ...CONTRACTS_GENERATORS, ...DEPLOY_GENERATORS, ...DOCS_GENERATORS].map((g) => [g.id, g]),
);
