// The template record type and its TemplateSource wrapper live with the generators.
export { templatesFromRecord, type TemplateRecord } from '@/lib/generators/templates';
