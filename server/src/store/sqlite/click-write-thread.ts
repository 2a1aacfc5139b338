import { Worker } from 'node:worker_threads';
import type { ClickWrite, ClickWriteResult } from '../store.ts';
import type { ClickBatchReply, ClickBatchRequest } from './click-write-worker.ts';

const WORKER_ENTRY = new URL('./click-write-worker-entry.mjs', import.meta.url);

/** The main thread's side of `click-write-worker.ts`: one batch in, its results out. */
export class ClickWriteThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (results: Array<ClickWriteResult | Error>) => void; reject: (error: Error) => void }>();
  readonly #exited: Promise<void>;
  #nextId = 1;
  /** Set once the thread is gone: later writes fail at once instead of waiting forever. */
  #stopped: Error | null = null;

  constructor(path: string) {
    this.#worker = new Worker(WORKER_ENTRY, { workerData: { path } });
    // Only pending batches keep the process alive, as a synchronous write would.
    this.#worker.unref();
    this.#worker.on('message', (reply: string) => this.#settle(JSON.parse(reply) as ClickBatchReply));
    this.#worker.on('error', (error) => {
      this.#stopped = error;
      this.#failAll(error);
    });
    this.#exited = new Promise((resolve) =>
      this.#worker.once('exit', () => {
        this.#stopped ??= new Error('the click writer thread has stopped');
        this.#failAll(this.#stopped);
        resolve();
      }),
    );
  }

  write(writes: ClickWrite[]): Promise<Array<ClickWriteResult | Error>> {
    return new Promise((resolve, reject) => {
      if (this.#stopped) {
        reject(this.#stopped);
        return;
      }
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      if (this.#pending.size === 1) this.#worker.ref();
      // A JSON string crosses the thread boundary faster than a structured clone of many objects.
      this.#worker.postMessage(JSON.stringify({ id, writes } satisfies ClickBatchRequest));
    });
  }

  /** Lets the batches already sent finish, then stops the thread. */
  async close(): Promise<void> {
    if (!this.#stopped) {
      this.#worker.ref();
      this.#worker.postMessage('close');
    }
    await this.#exited;
  }

  #settle(reply: ClickBatchReply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if ('failure' in reply) pending.reject(new Error(reply.failure));
    else pending.resolve(reply.results.map((result) => ('error' in result ? new Error(result.error) : result)));
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
