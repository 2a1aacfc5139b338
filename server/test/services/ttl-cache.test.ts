import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../src/services/ttl-cache.ts';

describe('TtlCache', () => {
  const setup = (options: { keep?: (value: string | null) => boolean } = {}) => {
    let now = 0;
    let loads = 0;
    const cache = new TtlCache<string, string | null>({ ttlMs: 1_000, maxEntries: 2, now: () => now, ...options });
    const load = async (key: string) => {
      loads++;
      return key === 'missing' ? null : `value of ${key} #${loads}`;
    };
    return { cache, load, loads: () => loads, advance: (ms: number) => (now += ms) };
  };

  it('reuses a value until it expires', async () => {
    const t = setup();
    expect(await t.cache.get('a', t.load)).toBe('value of a #1');
    t.advance(999);
    expect(await t.cache.get('a', t.load)).toBe('value of a #1');
    t.advance(1);
    expect(await t.cache.get('a', t.load)).toBe('value of a #2');
  });

  it('evicts the oldest entry beyond its size', async () => {
    const t = setup();
    await t.cache.get('a', t.load);
    await t.cache.get('b', t.load);
    await t.cache.get('c', t.load);
    expect(t.loads()).toBe(3);
    await t.cache.get('c', t.load);
    await t.cache.get('b', t.load);
    expect(t.loads()).toBe(3);
    await t.cache.get('a', t.load);
    expect(t.loads()).toBe(4);
  });

  it('does not keep values refused by `keep`, and forgets everything on clear', async () => {
    const t = setup({ keep: (value) => value !== null });
    await t.cache.get('missing', t.load);
    await t.cache.get('missing', t.load);
    expect(t.loads()).toBe(2);
    await t.cache.get('a', t.load);
    t.cache.clear();
    await t.cache.get('a', t.load);
    expect(t.loads()).toBe(4);
  });
});
