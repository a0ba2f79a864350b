import type { Generator } from '../types';
import { composeGenerator } from './compose';
import { digitaloceanGenerator } from './digitalocean';
import { k8sGenerator } from './k8s';
import { nginxGenerator } from './nginx';
import { observabilityGenerator } from './observability';

/** Generators of this folder, in emission order. Each lives in its own file here. */
export const DEPLOY_GENERATORS: Generator[] = [composeGenerator, k8sGenerator, digitaloceanGenerator, nginxGenerator, observabilityGenerator];
