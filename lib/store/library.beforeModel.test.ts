import { describe, expect, it, vi } from 'vitest';
import { emptyDesign, serializeDesignJson } from '@/lib/model';
import { DesignLibrary, memoryStorage } from './library';

// The browser's first moments: the zod-backed model (lib/store/model.browser.ts) has not loaded.
vi.mock('@/lib/store/model', () => ({
  model: () => {
    throw new Error('The design model is still loading; try again in a moment.');
  },
  modelIfLoaded: () => null,
  loadModel: () => new Promise(() => undefined),
}));

const key = (id: string) => `archwright.v1.design.${id}`;

describe('the design library before the schema has loaded', () => {
  it('creates, saves and peeks designs without the schema', () => {
    const lib = new DesignLibrary(memoryStorage());
    const d = emptyDesign('First');
    const c = lib.create(d);
    expect(c.ok).toBe(true);
    expect(lib.peek(c.id)).toEqual(d);
    expect(lib.list()).toMatchObject([{ id: c.id, name: 'First', nodes: 0 }]);
  });

  it('lists designs it cannot check yet by the name they carry, and garbage as unreadable', () => {
    const storage = memoryStorage();
    storage.setItem(key('old'), serializeDesignJson(emptyDesign('From an older format')).replace('"archwright": 1', '"archwright": 0'));
    storage.setItem(key('junk'), 'garbage');
    const names = new DesignLibrary(storage)
      .list()
      .map((m) => m.name)
      .sort();
    expect(names).toEqual(['From an older format', 'Unreadable design junk']);
  });

  it('open() needs the model and says so', () => {
    const lib = new DesignLibrary(memoryStorage());
    const { id } = lib.create(emptyDesign('x'));
    expect(() => lib.open(id)).toThrow(/still loading/);
  });
});
