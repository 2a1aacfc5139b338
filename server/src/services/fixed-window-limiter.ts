/**
 * Counts attempts per key in fixed windows of `windowMs`, in this process's memory: a brake on
 * scripts, not an accounting (several instances each allow `limit`). Bounded, so that random keys
 * cannot grow it: when full, the oldest window is dropped.
 */
export class FixedWindowLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #maxKeys: number;

  constructor(limit: number, windowMs: number, now: () => number, maxKeys = 10_000) {
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#now = now;
    this.#maxKeys = maxKeys;
  }

  /** Counts this attempt; false when the key has used up its window. */
  allow(key: string): boolean {
    const now = this.#now();
    let window = this.#windows.get(key);
    if (!window || now - window.start >= this.#windowMs) {
      this.#windows.delete(key);
      if (this.#windows.size >= this.#maxKeys) this.#windows.delete(this.#windows.keys().next().value as string);
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return window.count <= this.#limit;
  }
}
