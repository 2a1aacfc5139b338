import type { FastifyBaseLogger } from 'fastify';
import type { RewardService } from './rewards.ts';

/**
 * Approves rewards whose hold period has passed, every `intervalMs`, in the server process. The
 * approval itself is idempotent (an approved reward is no longer pending), so a round that
 * overlaps the owner's `POST /v1/rewards/approve-due`, or another server instance, is harmless.
 */
export class ApprovalScheduler {
  readonly #rewards: RewardService;
  readonly #intervalMs: number;
  readonly #log: FastifyBaseLogger;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;

  constructor(rewards: RewardService, intervalMs: number, log: FastifyBaseLogger) {
    this.#rewards = rewards;
    this.#intervalMs = intervalMs;
    this.#log = log;
  }

  start(): void {
    if (this.#intervalMs <= 0 || this.#timer) return;
    this.#timer = setInterval(() => void this.runOnce(), this.#intervalMs);
    // A pending approval is no reason to keep the process alive.
    this.#timer.unref();
  }

  /** One round; a round still running is not started twice. */
  runOnce(): Promise<void> {
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

  async #round(): Promise<void> {
    try {
      // Rounds are capped; keep going while they come back full.
      let approved = 0;
      for (let batch = await this.#rewards.approveDue(null); batch > 0; batch = await this.#rewards.approveDue(null)) {
        approved += batch;
      }
      if (approved > 0) this.#log.info({ approved }, 'approved rewards whose hold period has passed');
    } catch (error) {
      this.#log.error({ err: error }, 'approving due rewards failed; retrying next round');
    }
  }
}
