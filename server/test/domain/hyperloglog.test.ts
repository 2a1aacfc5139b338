import { describe, expect, it } from 'vitest';
import { HyperLogLog } from '../../src/domain/hyperloglog.ts';

const sketchOf = (ids: Iterable<string>) => {
  const sketch = new HyperLogLog();
  for (const id of ids) sketch.add(id);
  return sketch;
};
const range = (from: number, to: number, prefix = 'v') => Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);
const error = (estimate: number, exact: number) => Math.abs(estimate / exact - 1);

describe('HyperLogLog', () => {
  it('counts nothing as zero and a repeated id once, which changes no register', () => {
    expect(new HyperLogLog().estimate()).toBe(0);
    expect(sketchOf(['a', 'a', 'a']).estimate()).toBe(1);
    const sketch = sketchOf(['a']);
    expect(sketch.add('a')).toBe(false);
    expect(sketch.add('b')).toBe(true);
  });

  it('estimates small and large distinct counts within a few standard errors (1.6%)', () => {
    expect(Math.abs(sketchOf(range(0, 100)).estimate() - 100)).toBeLessThanOrEqual(2);
    for (const n of [3_000, 20_000, 200_000]) expect(error(sketchOf(range(0, n)).estimate(), n), `${n}`).toBeLessThan(0.05);
  });

  it('merges into the count of the union: overlapping days count a visitor once', () => {
    const monday = sketchOf(range(0, 6_000));
    const tuesday = sketchOf(range(4_000, 10_000));
    monday.merge(tuesday);
    expect(error(monday.estimate(), 10_000)).toBeLessThan(0.05);
    expect(monday.estimate()).toBe(sketchOf(range(0, 10_000)).estimate());
  });

  it('stores a quiet sketch sparse and a busy one dense, and reads both back to the same registers', () => {
    const quiet = sketchOf(range(0, 50));
    const busy = sketchOf(range(0, 50_000));
    expect(quiet.toBlob().length).toBeLessThan(50 * 3 + 1);
    expect(busy.toBlob().length).toBe(4_096);
    for (const sketch of [quiet, busy]) {
      expect(HyperLogLog.fromBlob(sketch.toBlob()).registers).toEqual(sketch.registers);
      const merged = new HyperLogLog();
      merged.mergeBlob(sketch.toBlob());
      expect(merged.registers).toEqual(sketch.registers);
    }
    expect(() => HyperLogLog.fromBlob(new Uint8Array(10))).toThrow();
  });
});
