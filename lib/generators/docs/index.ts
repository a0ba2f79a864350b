import type { Generator } from '../types';

/** Generators of this folder, in emission order. Each lives in its own file here. */
export const DOCS_GENERATORS: Generator[] = [];
