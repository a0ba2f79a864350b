import type { Generator } from '../types';
import { adrGenerator } from './adr';
import { architectureGenerator } from './architecture';
import { ciWorkflowGenerator } from './ci-workflow';
import { makefileGenerator } from './makefile';
import { projectReadmeGenerator } from './project-readme';
import { roadmapGenerator } from './roadmap';

/** Generators of this folder, in emission order. Each lives in its own file here. */
export const DOCS_GENERATORS: Generator[] = [adrGenerator, architectureGenerator, roadmapGenerator, projectReadmeGenerator, makefileGenerator, ciWorkflowGenerator];
