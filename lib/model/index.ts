export * from './schema';
export * from './names';
export * from './defaults';
export * from './io';
export * from './blank';
export { readStoredDesign } from './storedDesign';
export * from './version';
export { migrate, MIGRATIONS, MigrationError, type Migration } from './migrations';
