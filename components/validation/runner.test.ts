import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as engine from '@/lib/validation';
import { createEditorStore } from '@/lib/store';
import { attachValidation, VALIDATION_DEBOUNCE_MS } from './runner';
import { createValidationStore } from './store';

const immediate = (task: () => void) => {
  const h = setTimeout(task, 0);
  return () => clearTimeout(h);
};

function setup() {
  const editor = createEditorStore();
  const v = createValidationStore();
  const spy = vi.spyOn(engine, 'validateDetailed');
  const load = vi.fn(async () => engine);
  const dispose = attachValidation(editor, v, { load, idle: immediate });
  return { editor, v, spy, load, dispose };
}

async function settle() {
  await vi.advanceTimersByTimeAsync(VALIDATION_DEBOUNCE_MS + 10);
  await vi.advanceTimersByTimeAsync(10);
}

describe('attachValidation', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('validates once loaded, then after structural edits only, debounced', async () => {
    const { editor, v, spy, load, dispose } = setup();
    expect(v.getState().status).toBe('pending');
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(v.getState().status).toBe('ready');
    expect(v.getState().lib).toBe(engine);
    const runs = spy.mock.calls.length;

    // A burst of edits is one run.
    const s = editor.getState();
    const a = s.addNode('service', { x: 0, y: 0 });
    const b = s.addNode('service', { x: 300, y: 0 });
    const db = s.addNode('database', { x: 150, y: 200 });
    s.connect(a, db);
    s.connect(b, db);
    expect(spy.mock.calls.length).toBe(runs);
    await settle();
    expect(spy.mock.calls.length).toBe(runs + 1);
    expect(v.getState().revision).toBe(editor.getState().structureRevision);
    expect(v.getState().counts.error).toBe(1);
    expect(v.getState().marks.get(db)?.severity).toBe('error');
    expect(v.getState().findings.some((k) => k.finding.ruleId === 'shared-database')).toBe(true);
    expect(v.getState().elements.get(db)?.name).toBe('db');

    // Moving (a drag) never validates.
    const marks = v.getState().marks;
    s.beginGesture();
    for (let i = 1; i <= 20; i++) s.moveNodes([{ id: a, position: { x: i * 5, y: 0 } }]);
    s.endGesture();
    await settle();
    expect(spy.mock.calls.length).toBe(runs + 1);
    expect(v.getState().marks).toBe(marks);

    // Undo is structural: undoing the drag, then the second connection, drops the finding.
    editor.getState().undo();
    await settle();
    expect(v.getState().counts.error).toBe(1);
    editor.getState().undo();
    await settle();
    expect(v.getState().counts.error).toBe(0);
    expect(v.getState().marks.has(db)).toBe(false);

    dispose();
    editor.getState().redo();
    await settle();
    expect(v.getState().counts.error).toBe(0);
  });

  it('reports when the engine cannot be loaded', async () => {
    const editor = createEditorStore();
    const v = createValidationStore();
    attachValidation(editor, v, { load: () => Promise.reject(new Error('offline')), idle: immediate });
    await settle();
    expect(v.getState()).toMatchObject({ status: 'failed', error: 'offline' });
  });

  it('hides suppressed findings and keeps them with their reason', async () => {
    const { editor, v } = setup();
    const s = editor.getState();
    const a = s.addNode('service', { x: 0, y: 0 });
    const b = s.addNode('service', { x: 300, y: 0 });
    const db = s.addNode('database', { x: 150, y: 200 });
    s.connect(a, db);
    s.connect(b, db);
    s.updateSettings({ suppressions: [{ ruleId: 'shared-database', targetId: db, reason: 'read replica' }] });
    await settle();
    expect(v.getState().counts.error).toBe(0);
    expect(v.getState().suppressed).toEqual([expect.objectContaining({ reason: 'read replica' })]);
  });
});

describe('commit with a selection', () => {
  it('replaces the design in one undo step and selects what exists', () => {
    const editor = createEditorStore();
    const s = editor.getState();
    const a = s.addNode('service', { x: 0, y: 0 });
    const before = editor.getState().design;
    const past = editor.getState().past.length;
    const b = editor.getState().design.nodes[0];
    const next = { ...before, nodes: [...before.nodes, { ...b, id: 'copy', name: 'copy' }] };
    editor.getState().commit(next, { selection: { nodes: ['copy', 'missing'] } });
    expect(editor.getState().past.length).toBe(past + 1);
    expect(editor.getState().selection).toEqual({ nodes: ['copy'], edges: [], groups: [] });
    editor.getState().undo();
    expect(editor.getState().design).toBe(before);
    expect(editor.getState().design.nodes.map((n) => n.id)).toEqual([a]);
  });
});
