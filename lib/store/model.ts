/**
 * Access to the zod-backed part of the model (modelCore.ts) for the store.
 *
 * This is the eager version, used by Node (tests, CLI, benches) and server rendering: the model is
 * always loaded. Browser bundles get model.browser.ts instead (next.config.js aliases
 * `@/lib/store/model` for the browser), which loads it on demand so the editor's first load stays
 * free of zod. Import this module as `@/lib/store/model`, never relatively, or the alias is skipped.
 */
import * as core from './modelCore';

export type ModelCore = typeof core;

/** The loaded model; in the browser it throws while the model is still loading. */
export function model(): ModelCore {
  return core;
}

/** The model when it is loaded, else null (the browser before loadModel resolves). */
export function modelIfLoaded(): ModelCore | null {
  return core;
}

/** Loads the model (once) and resolves with it. */
export function loadModel(): Promise<ModelCore> {
  return Promise.resolve(core);
}
