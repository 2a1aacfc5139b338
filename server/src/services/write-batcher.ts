/**
 * Collects writes for a moment and hands them to `flush` together, so that many requests share
 * one transaction (and one fsync). Each caller's promise settles only after its batch committed,
 * so an acknowledged click is on disk.
 */
export interface BatcherOptions {
  /** Flush when this many writes are waiting. */
  maxItems: number;
  /** Flush at the latest this long after the first write of a batch arrived. */
  maxDelayMs: number;
}

export const DEFAULT_BATCHER_OPTIONS: BatcherOptions = { maxItems: 256, maxDelayMs: 2 };

interface Pending<In, Out> {
  item: In;
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
}

export class WriteBatcher<In, Out> {
  readonly #flush: (items: In[]) => Promise<Array<Out | Error>>;
  readonly #options: BatcherOptions;
  #queue: Array<Pending<In, Out>> = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight = new Set<Promise<void>>();
  /** Set by `drain`: from then on nothing waits for the timer (the server is shutting down). */
  #draining = false;

  constructor(flush: (items: In[]) => Promise<Array<Out | Error>>, options: Partial<BatcherOptions> = {}) {
    this.#flush = flush;
    this.#options = { ...DEFAULT_BATCHER_OPTIONS, ...options };
  }

  /** Writes waiting for their batch to start (for metrics and shutdown tests). */
  get waiting(): number {
    return this.#queue.length;
  }

  write(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (this.#queue.length >= this.#options.maxItems || this.#draining) this.#flushNow();
      else if (this.#timer === null) this.#timer = setTimeout(() => this.#flushNow(), this.#options.maxDelayMs);
    });
  }

  /** Writes what is waiting and waits for every batch in flight; later writes are written at once. Used on shutdown. */
  async drain(): Promise<void> {
    this.#draining = true;
    this.#flushNow();
    await Promise.all([...this.#inFlight]);
  }

  #flushNow(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#queue.length === 0) return;
    const batch = this.#queue;
    this.#queue = [];
    const done = this.#run(batch).finally(() => this.#inFlight.delete(done));
    this.#inFlight.add(done);
  }

  async #run(batch: Array<Pending<In, Out>>): Promise<void> {
    try {
      const results = await this.#flush(batch.map((pending) => pending.item));
      batch.forEach((pending, index) => {
        const result = results[index];
        if (result === undefined) pending.reject(new Error('batch returned fewer results than writes'));
        else if (result instanceof Error) pending.reject(result);
        else pending.resolve(result);
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
