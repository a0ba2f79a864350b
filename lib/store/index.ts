export * from './editor';
export * from './library';
export * from './autosave';
export { loadModel, modelIfLoaded } from '@/lib/store/model';
