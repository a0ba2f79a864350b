import type { Generator } from '../../types';
import { fastapiGenerator } from './fastapi';

/** Generators of this folder, in emission order. Each lives in its own file here. */
export const STACKS_PYTHON_GENERATORS: Generator[] = [fastapiGenerator];
