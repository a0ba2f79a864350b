export * from './Button';
export * from './Dialog';
export * from './Field';
export * from './Menu';
export * from './Toasts';
export { cx } from './cx';
