export * from './editor';
export * from './library';
export * from './autosave';
