/**
 * A small read-through cache for rows that change rarely (programs, origins, codes). Entries
 * expire after `ttlMs` of wall time, so a change made by another instance shows within that
 * time; the size is bounded so that random keys (an attacker's made-up origins) cannot grow it.
 */
export class TtlCache<K, V> {
  readonly #entries = new Map<K, { value: V; expiresAt: number }>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #keep: (value: V) => boolean;

  constructor(options: { ttlMs: number; maxEntries: number; now?: () => number; keep?: (value: V) => boolean }) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries;
    this.#now = options.now ?? (() => performance.now());
    this.#keep = options.keep ?? (() => true);
  }

  async get(key: K, load: (key: K) => Promise<V>): Promise<V> {
    const now = this.#now();
    const hit = this.#entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    const value = await load(key);
    if (!this.#keep(value)) return value;
    // Oldest first: Map keeps insertion order, so evicting the first key drops the oldest entry.
    if (this.#entries.size >= this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value as K);
    this.#entries.set(key, { value, expiresAt: now + this.#ttlMs });
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
