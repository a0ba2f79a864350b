/**
 * The part of the model the store needs that carries zod: schemas for validating edits, the
 * factories that accept arbitrary overrides, and the checked JSON reader. In the browser this
 * loads after the canvas is interactive (see model.browser.ts); everywhere else eagerly (model.ts).
 */
export { contextSchema, designSchema, edgeSchema, eventSchema, groupSchema, nodeSchema, settingsSchema } from '@/lib/model/schema';
export { createEdge, createNode } from '@/lib/model/defaults';
export { describeIssues, parseDesignJson } from '@/lib/model/envelope';
