import type { FastifyBaseLogger } from 'fastify';
import { PeriodicTask } from './periodic-task.ts';
import type { RewardService } from './rewards.ts';

/**
 * Approves rewards whose hold period has passed, every `intervalMs`, in the server process. The
 * approval itself is idempotent (an approved reward is no longer pending), so a round that
 * overlaps the owner's `POST /v1/rewards/approve-due`, or another server instance, is harmless.
 */
export class ApprovalScheduler {
  readonly #rewards: RewardService;
  readonly #log: FastifyBaseLogger;
  readonly #task: PeriodicTask<void>;

  constructor(rewards: RewardService, intervalMs: number, log: FastifyBaseLogger) {
    this.#rewards = rewards;
    this.#log = log;
    this.#task = new PeriodicTask(intervalMs, () => this.#round());
  }

  start(): void {
    this.#task.start();
  }

  stop(): Promise<void> {
    return this.#task.stop();
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
