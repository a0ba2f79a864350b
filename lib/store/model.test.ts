import { describe, expect, it } from 'vitest';
import * as eager from './model';
import * as lazy from './model.browser';

describe('model access', () => {
  it('eager (Node, server): always loaded', async () => {
    expect(eager.modelIfLoaded()).toBe(eager.model());
    expect(await eager.loadModel()).toBe(eager.model());
  });

  it('browser: throws until loadModel() resolves, then the same module every time', async () => {
    expect(lazy.modelIfLoaded()).toBeNull();
    expect(() => lazy.model()).toThrow(/still loading/);
    const [a, b] = await Promise.all([lazy.loadModel(), lazy.loadModel()]);
    expect(a).toBe(b);
    expect(lazy.model()).toBe(a);
    expect(lazy.modelIfLoaded()).toBe(a);
    expect(Object.keys(a).sort()).toEqual(Object.keys(eager.model()).sort());
  });
});
