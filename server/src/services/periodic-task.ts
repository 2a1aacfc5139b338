/**
 * Runs `round` every `intervalMs` in the server process (0: only when asked), never two rounds at
 * once: a round that is due while one still runs joins it. The timer does not keep the process
 * alive, and `stop` waits for the round in progress.
 */
export class PeriodicTask<T> {
  readonly #intervalMs: number;
  readonly #round: () => Promise<T>;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<T> | null = null;

  constructor(intervalMs: number, round: () => Promise<T>) {
    this.#intervalMs = intervalMs;
    this.#round = round;
  }

  start(): void {
    if (this.#intervalMs <= 0 || this.#timer) return;
    this.#timer = setInterval(() => void this.runNow(), this.#intervalMs);
    this.#timer.unref();
  }

  /** A round now, or the one already running. */
  runNow(): Promise<T> {
    this.#running ??= this.#round().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }
}
