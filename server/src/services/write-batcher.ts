/**
 * Group commit for writes that must be on disk before they are acknowledged. Writes queue up;
 * one batch at a time goes to `flush` (one transaction, one fsync), and while it is being
 * written the next batch gathers. Under load batches grow by themselves, and with no load a
 * write waits only `maxDelayMs` (0: until the current event-loop turn is done).
 * Each caller's promise settles after its batch committed.
 */
export interface BatcherOptions {
  /** The largest batch; more waiting writes go in the next one. */
  maxItems: number;
  /** How long the first write of an idle batcher waits for company; 0 = one event-loop turn. */
  maxDelayMs: number;
}

export const DEFAULT_BATCHER_OPTIONS: BatcherOptions = { maxItems: 512, maxDelayMs: 0 };

interface Pending<In, Out> {
  item: In;
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
}

export class WriteBatcher<In, Out> {
  readonly #flush: (items: In[]) => Promise<Array<Out | Error>>;
  readonly #options: BatcherOptions;
  #queue: Array<Pending<In, Out>> = [];
  #scheduled: { cancel(): void } | null = null;
  #inFlight: Promise<void> | null = null;
  /** Set by `drain`: from then on nothing waits for a timer (the server is shutting down). */
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
      if (this.#inFlight !== null) return; // the running batch starts the next one when it is done
      if (this.#queue.length >= this.#options.maxItems || this.#draining) this.#startBatch();
      else this.#scheduled ??= this.#schedule();
    });
  }

  /** Writes everything waiting and waits for it; later writes are written at once. Used on shutdown. */
  async drain(): Promise<void> {
    this.#draining = true;
    while (this.#inFlight !== null || this.#queue.length > 0) {
      if (this.#inFlight === null) this.#startBatch();
      await this.#inFlight;
    }
  }

  #schedule(): { cancel(): void } {
    if (this.#options.maxDelayMs === 0) {
      const immediate = setImmediate(() => this.#startBatch());
      return { cancel: () => clearImmediate(immediate) };
    }
    const timeout = setTimeout(() => this.#startBatch(), this.#options.maxDelayMs);
    return { cancel: () => clearTimeout(timeout) };
  }

  #startBatch(): void {
    this.#scheduled?.cancel();
    this.#scheduled = null;
    if (this.#inFlight !== null || this.#queue.length === 0) return;
    const batch = this.#queue.splice(0, this.#options.maxItems);
    this.#inFlight = this.#run(batch).finally(() => {
      this.#inFlight = null;
      if (this.#queue.length > 0) this.#startBatch();
    });
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
