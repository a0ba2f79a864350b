import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDesign, type Design } from '@/lib/model';
import { attachAutosave } from './autosave';
import { createEditorStore } from './editor';
import { DesignLibrary, memoryStorage, type SaveResult } from './library';

function setup(opts: { delayMs?: number; id?: string | null } = {}) {
  const store = createEditorStore(emptyDesign('Autosaved'));
  const storage = memoryStorage();
  const library = new DesignLibrary(storage, () => 42);
  const saves: { id: string; design: Design }[] = [];
  const real = library.save.bind(library);
  vi.spyOn(library, 'save').mockImplementation((id, design) => {
    saves.push({ id, design });
    return real(id, design);
  });
  const results: SaveResult[] = [];
  const docId = { current: opts.id === undefined ? 'doc1' : opts.id };
  const autosave = attachAutosave(store, library, () => docId.current, { delayMs: opts.delayMs, onSaved: (r) => results.push(r) });
  const s = () => store.getState();
  return { store, library, storage, saves, results, autosave, docId, s };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('attachAutosave', () => {
  it('debounces: a burst of edits saves once, the latest design, after the delay', () => {
    const { s, saves, results, library } = setup();
    s().addNode('service', { x: 0, y: 0 });
    vi.advanceTimersByTime(300);
    s().addNode('service', { x: 0, y: 0 });
    vi.advanceTimersByTime(300);
    s().setDesignMeta({ name: 'Renamed' });
    vi.advanceTimersByTime(399);
    expect(saves).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(saves).toHaveLength(1);
    expect(saves[0].id).toBe('doc1');
    expect(saves[0].design).toBe(s().design);
    expect(results).toEqual([{ ok: true }]);
    const o = library.open('doc1');
    expect(o.ok && [o.design.name, o.design.nodes.length]).toEqual(['Renamed', 2]);
    vi.advanceTimersByTime(10_000);
    expect(saves).toHaveLength(1);
  });

  it('honours delayMs', () => {
    const { s, saves } = setup({ delayMs: 50 });
    s().addNode('service', { x: 0, y: 0 });
    vi.advanceTimersByTime(49);
    expect(saves).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(saves).toHaveLength(1);
  });

  it('moves are saved too; selection changes and failed edits are not', () => {
    const { s, saves } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    vi.runAllTimers();
    expect(saves).toHaveLength(1);
    s().select({ nodes: [] });
    s().selectAll();
    s().updateNode(id, { name: 'BAD' });
    vi.runAllTimers();
    expect(saves).toHaveLength(1);
    s().moveNodes([{ id, position: { x: 5, y: 5 } }]);
    vi.runAllTimers();
    expect(saves).toHaveLength(2);
    expect(saves[1].design.nodes[0].position).toEqual({ x: 5, y: 5 });
  });

  it('a drag saves its end state once', () => {
    const { s, saves } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    vi.runAllTimers();
    s().beginGesture();
    for (let i = 1; i <= 20; i++) {
      s().moveNodes([{ id, position: { x: i, y: i } }]);
      vi.advanceTimersByTime(16);
    }
    s().endGesture();
    vi.runAllTimers();
    expect(saves).toHaveLength(2);
    expect(saves[1].design.nodes[0].position).toEqual({ x: 20, y: 20 });
  });

  it('flush() saves what is pending right away, and only once', () => {
    const { s, saves, autosave } = setup();
    s().addNode('service', { x: 0, y: 0 });
    autosave.flush();
    expect(saves).toHaveLength(1);
    expect(saves[0].design).toBe(s().design);
    vi.runAllTimers();
    expect(saves).toHaveLength(1);
  });

  it('flush() with nothing pending does not save', () => {
    const { saves, autosave } = setup();
    autosave.flush();
    vi.runAllTimers();
    expect(saves).toHaveLength(0);
  });

  it('dispose() flushes the pending save and stops listening', () => {
    const { s, saves, autosave } = setup();
    s().addNode('service', { x: 0, y: 0 });
    autosave.dispose();
    expect(saves).toHaveLength(1);
    s().addNode('service', { x: 0, y: 0 });
    vi.runAllTimers();
    autosave.flush();
    expect(saves).toHaveLength(1);
  });

  it('saves under the id current at save time; nothing without an id', () => {
    const { s, saves, docId } = setup({ id: null });
    s().addNode('service', { x: 0, y: 0 });
    vi.runAllTimers();
    expect(saves).toHaveLength(0);
    docId.current = 'doc2';
    s().addNode('service', { x: 0, y: 0 });
    vi.runAllTimers();
    expect(saves.map((x) => x.id)).toEqual(['doc2']);
    expect(saves[0].design.nodes).toHaveLength(2);
  });

  it('undo and redo are saved', () => {
    const { s, saves } = setup();
    s().addNode('service', { x: 0, y: 0 });
    vi.runAllTimers();
    s().undo();
    vi.runAllTimers();
    expect(saves).toHaveLength(2);
    expect(saves[1].design.nodes).toHaveLength(0);
  });

  it('reports a failed save (storage full) through onSaved, keeping the last good copy', () => {
    const { s, results, storage, library } = setup();
    s().addNode('service', { x: 0, y: 0 });
    vi.runAllTimers();
    const good = storage.getItem('archwright.v1.design.doc1');
    const setItem = storage.setItem;
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    s().addNode('service', { x: 0, y: 0 });
    vi.runAllTimers();
    storage.setItem = setItem;
    expect(results).toEqual([{ ok: true }, { ok: false, error: expect.stringMatching(/storage is full/) }]);
    expect(storage.getItem('archwright.v1.design.doc1')).toBe(good);
    const o = library.open('doc1');
    expect(o.ok && o.design.nodes).toHaveLength(1);
  });
});
