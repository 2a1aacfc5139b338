import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WriteBatcher } from '../../src/services/write-batcher.ts';

describe('WriteBatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const recorder = () => {
    const batches: number[][] = [];
    const flush = async (items: number[]) => {
      batches.push(items);
      return items.map((item) => (item < 0 ? new Error(`bad ${item}`) : item * 10));
    };
    return { batches, flush };
  };

  it('collects writes for up to maxDelayMs and settles each after its batch', async () => {
    const { batches, flush } = recorder();
    const batcher = new WriteBatcher(flush, { maxDelayMs: 5, maxItems: 100 });
    const settled: number[] = [];
    const writes = [1, 2, 3].map((n) => batcher.write(n).then((value) => settled.push(value)));
    await vi.advanceTimersByTimeAsync(4);
    expect(batches).toEqual([]);
    expect(settled).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(writes);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(settled).toEqual([10, 20, 30]);
  });

  it('flushes at once when maxItems are waiting', async () => {
    const { batches, flush } = recorder();
    const batcher = new WriteBatcher(flush, { maxDelayMs: 1_000, maxItems: 2 });
    const results = await Promise.all([batcher.write(1), batcher.write(2)]);
    expect(results).toEqual([10, 20]);
    expect(batches).toEqual([[1, 2]]);
  });

  it('rejects only the write that failed, and every write of a batch whose commit failed', async () => {
    const { flush } = recorder();
    const batcher = new WriteBatcher(flush, { maxDelayMs: 1, maxItems: 10 });
    const mixed = Promise.allSettled([batcher.write(1), batcher.write(-1), batcher.write(2)]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await mixed).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: new Error('bad -1') },
      { status: 'fulfilled', value: 20 },
    ]);

    const failing = new WriteBatcher<number, number>(async () => {
      throw new Error('disk full');
    });
    const doomed = Promise.allSettled([failing.write(1), failing.write(2)]);
    await failing.drain();
    expect((await doomed).map((result) => result.status === 'rejected' && String(result.reason))).toEqual([
      'Error: disk full',
      'Error: disk full',
    ]);
  });

  it('drain writes what is waiting without waiting for the timer', async () => {
    const { batches, flush } = recorder();
    const batcher = new WriteBatcher(flush, { maxDelayMs: 60_000, maxItems: 100 });
    const pending = batcher.write(7);
    await batcher.drain();
    await expect(pending).resolves.toBe(70);
    expect(batches).toEqual([[7]]);
    // After a drain nothing waits for the timer any more.
    const late = batcher.write(8);
    await vi.advanceTimersByTimeAsync(0);
    await expect(late).resolves.toBe(80);
  });
});
