import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNode, DESIGN_VERSION, emptyDesign, loadDesignData, serializeDesignJson, type Design } from '@/lib/model';
import { fullDesign } from '@/lib/model/fixtures/designs';
import { DesignLibrary, memoryStorage, type KeyValueStorage } from './library';

// The storage layout is a format too: designs written by one release are read by the next.
const INDEX = 'archwright.v1.index';
const LAST = 'archwright.v1.last';
const key = (id: string) => `archwright.v1.design.${id}`;

function design(name: string, nodes = 0): Design {
  const d = emptyDesign(name);
  const taken = new Set<string>();
  for (let i = 0; i < nodes; i++) {
    const n = createNode('service', { taken, id: `svc_${i}` });
    taken.add(n.name);
    d.nodes.push(n);
  }
  return d;
}

function full(): Design {
  const r = loadDesignData(JSON.parse(JSON.stringify(fullDesign)));
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

/** Memory storage whose setItem can be made to fail, for some keys or all. */
function flakyStorage() {
  const inner = memoryStorage();
  const state: { fail: ((key: string) => unknown) | null } = { fail: null };
  const storage: KeyValueStorage = {
    getItem: (k) => inner.getItem(k),
    removeItem: (k) => inner.removeItem(k),
    key: (i) => inner.key(i),
    get length() {
      return inner.length;
    },
    setItem(k, v) {
      const e = state.fail?.(k);
      if (e) throw e;
      inner.setItem(k, v);
    },
  };
  return { storage, state, inner };
}

function setup(storage: KeyValueStorage = memoryStorage()) {
  const clock = { t: 1_700_000_000_000 };
  const lib = new DesignLibrary(storage, () => clock.t);
  return { lib, storage, clock };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('memoryStorage', () => {
  it('behaves like Web Storage', () => {
    const m = memoryStorage();
    expect(m.getItem('a')).toBeNull();
    m.setItem('a', '1');
    m.setItem('b', '2');
    expect(m.getItem('a')).toBe('1');
    expect(m.length).toBe(2);
    expect([m.key(0), m.key(1), m.key(2)]).toEqual(['a', 'b', null]);
    m.removeItem('a');
    expect(m.length).toBe(1);
  });
});

describe('create, open, save', () => {
  it('create stores the design under a fresh id and open reads it back', () => {
    const { lib, storage } = setup();
    const d = full();
    const r = lib.create(d);
    expect(r).toEqual({ id: expect.stringMatching(/^d[a-z0-9]+$/), ok: true });
    expect(storage.getItem(key(r.id))).toBe(serializeDesignJson(d));
    const o = lib.open(r.id);
    if (!o.ok) throw new Error(o.error);
    expect(o.design).toEqual(d);
    expect(o.format).toBe('json');
  });

  it('create never overwrites an existing design, even when the first id it draws is taken', () => {
    const { lib, storage, clock } = setup();
    // With Math.random at 0.5 the id drawn first is d<time>i.
    const first = `d${clock.t.toString(36)}i`;
    storage.setItem(key(first), serializeDesignJson(design('Existing')));
    const rnd = vi.spyOn(Math, 'random').mockReturnValueOnce(0.5).mockReturnValueOnce(0.5).mockReturnValueOnce(0.25);
    const r = lib.create(design('New'));
    expect(rnd).toHaveBeenCalledTimes(3);
    expect(r.ok).toBe(true);
    expect(r.id).not.toBe(first);
    expect(r.id).toBe(`d${clock.t.toString(36)}${(0.25).toString(36).slice(2, 8)}`);
    const existing = lib.open(first);
    expect(existing.ok && existing.design.name).toBe('Existing');
  });

  it('create gives distinct ids within the same millisecond', () => {
    const { lib } = setup();
    const ids = new Set(Array.from({ length: 50 }, (_, i) => lib.create(design(`D${i}`)).id));
    expect(ids.size).toBe(50);
    expect(lib.list()).toHaveLength(50);
  });

  it('save overwrites the same id and updates the index entry', () => {
    const { lib, clock } = setup();
    const { id } = lib.create(design('One'));
    clock.t += 1000;
    expect(lib.save(id, design('One v2', 3))).toEqual({ ok: true });
    expect(lib.list()).toEqual([{ id, name: 'One v2', updatedAt: clock.t, nodes: 3 }]);
    const o = lib.open(id);
    expect(o.ok && o.design.nodes).toHaveLength(3);
  });

  it('open of an unknown id says so', () => {
    const { lib } = setup();
    expect(lib.open('nope')).toEqual({ ok: false, error: 'This design is no longer in this browser.', issues: [] });
  });

  it('save refuses a design that would not load back and keeps the last good copy', () => {
    const { lib } = setup();
    const { id } = lib.create(design('Good', 1));
    const bad = design('Good', 1);
    (bad.nodes[0] as { name: string }).name = 'Not A Label';
    const r = lib.save(id, bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/not saved \(the last saved copy is kept\): design › nodes\[0\] "Not A Label" › name/);
    const o = lib.open(id);
    expect(o.ok && o.design.nodes[0].name).toBe('service');
  });
});

describe('peek: the quick, schema-free read the editor boots from', () => {
  it('reads back what save wrote, as open does', () => {
    const { lib } = setup();
    const id = lib.create(full()).id;
    const opened = lib.open(id);
    expect(opened.ok && lib.peek(id)).toEqual(opened.ok ? opened.design : null);
  });

  it('is null for a missing design and for anything open() has to judge', () => {
    const { lib, storage } = setup();
    expect(lib.peek('nope')).toBeNull();
    storage.setItem(key('x1'), 'garbage');
    storage.setItem(key('x2'), JSON.stringify({ archwright: DESIGN_VERSION + 1, design: emptyDesign() }));
    storage.setItem(key('x3'), JSON.stringify({ archwright: DESIGN_VERSION, design: { ...emptyDesign(), nodes: [{ id: 'a', kind: 'mainframe', name: 'a', position: { x: 0, y: 0 } }] } }));
    for (const id of ['x1', 'x2', 'x3']) expect(lib.peek(id)).toBeNull();
    // peek never moves anything aside; open() does.
    expect(lib.corruptKeys()).toEqual([]);
  });
});

describe('list', () => {
  it('most recently changed first, ties by name', () => {
    const { lib, clock } = setup();
    const a = lib.create(design('Alpha')).id;
    clock.t += 10;
    const b = lib.create(design('Beta')).id;
    const c = lib.create(design('Charlie')).id;
    clock.t += 10;
    const d = lib.create(design('Delta', 2)).id;
    expect(lib.list().map((m) => m.id)).toEqual([d, b, c, a]);
    clock.t += 10;
    lib.save(a, design('Alpha'));
    expect(lib.list().map((m) => m.name)).toEqual(['Alpha', 'Delta', 'Beta', 'Charlie']);
    expect(lib.list()[1]).toEqual({ id: d, name: 'Delta', updatedAt: clock.t - 10, nodes: 2 });
  });

  it('hides index entries whose design is gone', () => {
    const { lib, storage } = setup();
    const a = lib.create(design('A')).id;
    const b = lib.create(design('B')).id;
    storage.removeItem(key(a));
    expect(lib.list().map((m) => m.id)).toEqual([b]);
  });

  it('an empty library lists nothing', () => {
    expect(setup().lib.list()).toEqual([]);
  });

  it.each([
    ['not JSON', '{oops'],
    ['not an array', '{"a": 1}'],
    ['null', 'null'],
  ])('a corrupt index (%s) is rebuilt from the stored designs', (_what, junk) => {
    const { lib, storage } = setup();
    const a = lib.create(design('Alpha', 2)).id;
    const b = lib.create(design('Beta')).id;
    storage.setItem(INDEX, junk);
    const list = lib.list();
    expect(list.map((m) => [m.id, m.name, m.nodes]).sort()).toEqual(
      [
        [a, 'Alpha', 2],
        [b, 'Beta', 0],
      ].sort(),
    );
    // The rebuilt index is written back.
    expect(JSON.parse(storage.getItem(INDEX)!)).toHaveLength(2);
  });

  it('junk entries in the index are dropped or repaired', () => {
    const { lib, storage } = setup();
    const a = lib.create(design('Alpha')).id;
    storage.setItem(INDEX, JSON.stringify([null, 42, { id: 7 }, { id: a, name: 'Alpha', updatedAt: 'soon' }, { id: a, name: 'Alpha again', updatedAt: 5 }]));
    expect(lib.list()).toEqual([{ id: a, name: 'Alpha', updatedAt: 0, nodes: 0 }]);
  });

  it('a damaged design in a rebuilt index is listed as unreadable, not dropped', () => {
    const { lib, storage } = setup();
    storage.setItem(key('x1'), 'garbage');
    expect(lib.list()).toEqual([{ id: 'x1', name: 'Unreadable design x1', updatedAt: 0, nodes: 0 }]);
  });

  it('a design saved while the index could not be written still shows up', () => {
    const { storage, state } = flakyStorage();
    const { lib } = setup(storage);
    const a = lib.create(design('Alpha')).id;
    state.fail = (k) => (k === INDEX ? new DOMException('full', 'QuotaExceededError') : null);
    const b = lib.create(design('Beta', 1));
    expect(b.ok).toBe(true);
    state.fail = null;
    expect(lib.list().map((m) => [m.id, m.name]).sort()).toEqual(
      [
        [a, 'Alpha'],
        [b.id, 'Beta'],
      ].sort(),
    );
    expect(JSON.parse(storage.getItem(INDEX)!)).toHaveLength(2);
  });
});

describe('rename, duplicate, remove, lastOpened', () => {
  it('rename changes the stored name (trimmed; blank keeps the old name)', () => {
    const { lib, clock } = setup();
    const id = lib.create(design('Old', 1)).id;
    clock.t += 5;
    expect(lib.rename(id, '  New name  ')).toEqual({ ok: true });
    const o = lib.open(id);
    expect(o.ok && o.design.name).toBe('New name');
    expect(o.ok && o.design.nodes).toHaveLength(1);
    expect(lib.list()[0]).toMatchObject({ name: 'New name', updatedAt: clock.t });
    lib.rename(id, '   ');
    expect(lib.list()[0].name).toBe('New name');
    lib.rename(id, 'x'.repeat(300));
    expect(lib.list()[0].name).toHaveLength(200);
    expect(lib.rename('ghost', 'x')).toEqual({ ok: false, error: 'This design is no longer in this browser.' });
  });

  it('duplicate copies under a new id named "(copy)" and leaves the original', () => {
    const { lib } = setup();
    const original = full();
    const id = lib.create(original).id;
    const dup = lib.duplicate(id);
    expect(dup.ok).toBe(true);
    expect(dup.id).not.toBe(id);
    const copy = lib.open(dup.id);
    if (!copy.ok) throw new Error(copy.error);
    expect(copy.design).toEqual({ ...original, name: 'Full design (copy)' });
    const o = lib.open(id);
    expect(o.ok && o.design).toEqual(original);
    expect(lib.list()).toHaveLength(2);
    expect(lib.duplicate('ghost')).toEqual({ id: '', ok: false, error: 'This design is no longer in this browser.' });
  });

  it('remove deletes the design and its index entry, and forgets it as last opened', () => {
    const { lib, storage } = setup();
    const a = lib.create(design('A')).id;
    const b = lib.create(design('B')).id;
    lib.setLastOpened(a);
    expect(lib.lastOpened()).toBe(a);
    lib.remove(a);
    expect(storage.getItem(key(a))).toBeNull();
    expect(lib.list().map((m) => m.id)).toEqual([b]);
    expect(JSON.parse(storage.getItem(INDEX)!).map((m: { id: string }) => m.id)).toEqual([b]);
    expect(lib.lastOpened()).toBeNull();
    lib.setLastOpened(b);
    lib.remove(a);
    expect(lib.lastOpened()).toBe(b);
  });

  it('lastOpened is null at first; setLastOpened survives a failing storage', () => {
    const { storage, state } = flakyStorage();
    const { lib } = setup(storage);
    expect(lib.lastOpened()).toBeNull();
    lib.setLastOpened('d1');
    expect(storage.getItem(LAST)).toBe('d1');
    state.fail = () => new DOMException('full', 'QuotaExceededError');
    expect(() => lib.setLastOpened('d2')).not.toThrow();
    expect(lib.lastOpened()).toBe('d1');
  });
});

describe('corrupt designs are set aside, never deleted', () => {
  it.each([
    ['unparseable text', '{"archwright": 1, "design": {'],
    ['an invalid design', JSON.stringify({ archwright: 1, design: { nodes: [{ kind: 'service', id: 's', name: 'BAD NAME', position: { x: 0, y: 0 } }] } })],
    ['not a design', '[1, 2, 3]'],
  ])('%s', (_what, raw) => {
    const { lib, storage, clock } = setup();
    const good = lib.create(design('Good')).id;
    const id = lib.create(design('Victim')).id;
    storage.setItem(key(id), raw);
    const r = lib.open(id);
    expect(r.ok).toBe(false);
    const aside = `archwright.v1.corrupt.${id}.${clock.t}`;
    expect(r.ok ? null : r.error).toMatch(new RegExp(`^The saved copy of this design is damaged and was set aside as "${aside.replace(/\./g, '\\.')}": \\S`));
    expect(r.quarantinedAs).toBe(aside);
    expect(storage.getItem(aside)).toBe(raw);
    expect(storage.getItem(key(id))).toBeNull();
    expect(lib.corruptKeys()).toEqual([aside]);
    expect(lib.list().map((m) => m.id)).toEqual([good]);
    // The other design is untouched.
    expect(lib.open(good).ok).toBe(true);
  });

  it('a second corruption at the same instant does not overwrite the first set-aside copy', () => {
    const { lib, storage } = setup();
    const id = lib.create(design('V')).id;
    storage.setItem(key(id), 'first');
    const a = lib.open(id).quarantinedAs!;
    storage.setItem(key(id), 'second');
    const b = lib.open(id).quarantinedAs!;
    expect(a).not.toBe(b);
    expect(storage.getItem(a)).toBe('first');
    expect(storage.getItem(b)).toBe('second');
    expect(lib.corruptKeys().sort()).toEqual([a, b].sort());
  });

  it('when setting aside fails (storage full) the copy is left in place', () => {
    const { storage, state } = flakyStorage();
    const { lib } = setup(storage);
    const id = lib.create(design('V')).id;
    storage.setItem(key(id), 'garbage');
    state.fail = () => new DOMException('full', 'QuotaExceededError');
    const r = lib.open(id);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(/damaged \(.+\)\. It was left in place\.$/);
    expect(r.quarantinedAs).toBeUndefined();
    expect(storage.getItem(key(id))).toBe('garbage');
    expect(lib.corruptKeys()).toEqual([]);
  });

  it('a design from a newer Archwright is reported but left where it is', () => {
    const { lib, storage } = setup();
    const id = lib.create(design('Future')).id;
    const raw = JSON.stringify({ archwright: DESIGN_VERSION + 1, design: { name: 'Future', hologram: true } });
    storage.setItem(key(id), raw);
    const r = lib.open(id);
    expect(r.ok ? '' : r.error).toMatch(/newer Archwright/);
    expect(r.quarantinedAs).toBeUndefined();
    expect(storage.getItem(key(id))).toBe(raw);
    expect(lib.corruptKeys()).toEqual([]);
    expect(lib.list().map((m) => m.id)).toEqual([id]);
  });
});

describe('storage full', () => {
  const quotaErrors: [string, () => unknown][] = [
    ['a DOMException QuotaExceededError', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['a DOMException-like object (code 22, no message)', () => ({ name: 'QuotaExceededError', code: 22, message: '' })],
    ['Firefox NS_ERROR_DOM_QUOTA_REACHED', () => ({ name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014, message: 'Persistent storage maximum size reached' })],
  ];

  it.each(quotaErrors)('save reports %s clearly and keeps the previous copy', (_what, error) => {
    const { storage, state } = flakyStorage();
    const { lib } = setup(storage);
    const { id } = lib.create(design('Before', 1));
    const before = storage.getItem(key(id));
    const indexBefore = storage.getItem(INDEX);
    state.fail = () => error();
    const r = lib.save(id, design('After', 5));
    expect(r).toEqual({ ok: false, error: 'Browser storage is full: the last saved copy is kept. Download the design or delete old ones.' });
    expect(storage.getItem(key(id))).toBe(before);
    expect(storage.getItem(INDEX)).toBe(indexBefore);
    state.fail = null;
    const o = lib.open(id);
    expect(o.ok && [o.design.name, o.design.nodes.length]).toEqual(['Before', 1]);
    expect(lib.list()[0]).toMatchObject({ name: 'Before', nodes: 1 });
  });

  it('create on a full storage fails without leaving anything behind', () => {
    const { storage, state, inner } = flakyStorage();
    const { lib } = setup(storage);
    state.fail = () => new DOMException('full', 'QuotaExceededError');
    const r = lib.create(design('X'));
    expect(r.ok).toBe(false);
    expect(inner.length).toBe(0);
    state.fail = null;
    expect(lib.list()).toEqual([]);
  });

  it('other storage errors are reported as such', () => {
    const { storage, state } = flakyStorage();
    const { lib } = setup(storage);
    const { id } = lib.create(design('A'));
    state.fail = () => new Error('SecurityError: access denied');
    expect(lib.save(id, design('B'))).toEqual({ ok: false, error: 'Could not save: SecurityError: access denied' });
  });
});
