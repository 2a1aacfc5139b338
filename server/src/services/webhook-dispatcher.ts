import type { FastifyBaseLogger } from 'fastify';
import { signWebhook, WEBHOOK_HEADERS } from '../../../shared/src/webhook-signature.ts';
import { afterAttempt } from '../domain/webhook-retry.ts';
import type { DueDelivery } from '../store/records.ts';
import { PeriodicTask } from './periodic-task.ts';
import type { ServiceContext } from './service-context.ts';

/** A receiver gets this long to answer; a slow one is retried like a failing one. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Deliveries sent at once in a round. */
const BATCH = 20;

/**
 * Sends the outbox: every `intervalMs`, the deliveries that are due are POSTed, signed, and each
 * attempt is logged with its outcome. Rounds never overlap. One server instance should run it
 * (several would send some deliveries twice; receivers should de-duplicate by event id anyway).
 */
export class WebhookDispatcher {
  readonly #context: ServiceContext;
  readonly #log: FastifyBaseLogger;
  readonly #task: PeriodicTask<number>;

  constructor(context: ServiceContext, intervalMs: number, log: FastifyBaseLogger) {
    this.#context = context;
    this.#log = log;
    this.#task = new PeriodicTask(intervalMs, () => this.#round());
  }

  start(): void {
    this.#task.start();
  }

  stop(): Promise<void> {
    return this.#task.stop();
  }

  /** One round: sends what is due now and returns how many attempts were made. */
  deliverDue(): Promise<number> {
    return this.#task.runNow();
  }

  async #round(): Promise<number> {
    try {
      const due = await this.#context.store.dueWebhookDeliveries(this.#context.clock(), BATCH);
      // Each receiver gets its events one after another, in order; receivers are served side by side.
      const byReceiver = new Map<string, typeof due>();
      for (const delivery of due) byReceiver.set(delivery.url, [...(byReceiver.get(delivery.url) ?? []), delivery]);
      await Promise.all(
        [...byReceiver.values()].map(async (deliveries) => {
          for (const delivery of deliveries) await this.#attempt(delivery);
        }),
      );
      return due.length;
    } catch (error) {
      this.#log.error({ err: error }, 'webhook round failed; retrying next round');
      return 0;
    }
  }

  async #attempt(delivery: DueDelivery & { giveUpAt: number }): Promise<void> {
    const attemptedAt = this.#context.clock();
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Sarafan-Webhooks/1',
          [WEBHOOK_HEADERS.id]: delivery.eventId,
          [WEBHOOK_HEADERS.type]: delivery.type,
          [WEBHOOK_HEADERS.timestamp]: String(attemptedAt),
          [WEBHOOK_HEADERS.signature]: signWebhook(delivery.secret, attemptedAt, delivery.payload),
        },
        body: delivery.payload,
      });
      statusCode = response.status;
      await response.body?.cancel();
    } catch (failure) {
      error = failure instanceof Error ? `${failure.name}: ${failure.message}`.slice(0, 300) : 'request failed';
    }
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const outcome = afterAttempt(ok, delivery.attempts + 1, attemptedAt, delivery.giveUpAt);
    const durationMs = Math.round(performance.now() - started);
    await this.#context.store.recordWebhookAttempt({ deliveryId: delivery.deliveryId, attemptedAt, statusCode, error, durationMs }, outcome);
    if (outcome.status === 'failed') this.#log.warn({ eventId: delivery.eventId, url: delivery.url }, 'webhook delivery failed for good');
  }
}
