/**
 * Browser version of model.ts (see there): the zod-backed model loads on demand, so the canvas is
 * interactive before it arrives. The editor starts loading it as soon as the canvas is up; what
 * needs it (the inspector, the designs dialog, checking a stored design) awaits loadModel().
 */
import type * as Eager from './model';
import type { ModelCore } from './model';

let core: ModelCore | null = null;
let loading: Promise<ModelCore> | null = null;

export function model(): ModelCore {
  if (!core) throw new Error('The design model is still loading; try again in a moment.');
  return core;
}

export function modelIfLoaded(): ModelCore | null {
  return core;
}

export function loadModel(): Promise<ModelCore> {
  loading ??= import('./modelCore').then(
    (m) => (core = m),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

// Same surface as the eager module, checked by the compiler.
({ model, modelIfLoaded, loadModel }) satisfies Pick<typeof Eager, 'model' | 'modelIfLoaded' | 'loadModel'>;
