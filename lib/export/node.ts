// Node only (reads the file system): the CLI and scripts use it; the browser loads
// public/templates/export-templates.json instead. Never import this from the worker.
export { loadTemplateRecord, loadTemplatesFromDisk } from '@/lib/generators/templates-node';
