import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { verifyWebhook, WEBHOOK_HEADERS } from '../../../shared/src/webhook-signature.ts';
import type { WebhookEvent } from '../../../shared/src/wire.ts';
import type { ShopStore } from '../store.ts';
import { errorMessage, SarafanRejectedError, type SarafanClient } from './client.ts';

/** Where Sarafan sends the shop its events. */
export const WEBHOOK_PATH = '/webhooks/sarafan';

/**
 * `POST /webhooks/sarafan`: Sarafan tells the shop a referral reward was approved, and the shop
 * turns it into store credit. The signature is checked over the raw body before anything is read;
 * the event id makes a redelivery harmless. Any 2xx tells Sarafan to stop retrying.
 */
export async function sarafanWebhookRoutes(
  app: FastifyInstance,
  { store, now }: { store: ShopStore; now: () => number },
): Promise<void> {
  // The signature covers the exact bytes, so this route reads its body as text.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));

  app.post<{ Body: string }>(WEBHOOK_PATH, async (request, reply) => {
    const secret = store.webhookSecret();
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const signed = { timestamp: header(WEBHOOK_HEADERS.timestamp), signature: header(WEBHOOK_HEADERS.signature), body: request.body };
    if (!secret || typeof request.body !== 'string' || !verifyWebhook(secret, signed, now())) {
      return reply.code(401).send({ error: { code: 'bad_signature', message: 'The webhook signature is not valid.' } });
    }
    let event: WebhookEvent;
    try {
      event = JSON.parse(request.body) as WebhookEvent;
    } catch {
      return reply.code(400).send({ error: { code: 'invalid_json', message: 'The body is not valid JSON.' } });
    }
    const reward = event.data?.reward as { id?: unknown; ambassadorCode?: unknown; amount?: unknown; currency?: unknown } | undefined;
    if (
      event.type === 'reward.approved' &&
      typeof reward?.id === 'number' &&
      typeof reward.ambassadorCode === 'string' &&
      typeof reward.amount === 'number' &&
      typeof reward.currency === 'string'
    ) {
      store.addStoreCredit(
        { eventId: event.id, ambassadorCode: reward.ambassadorCode, rewardId: reward.id, amount: reward.amount, currency: reward.currency },
        now(),
      );
    }
    return reply.code(204).send();
  });
}

/**
 * Registers the shop's webhook endpoint with Sarafan and keeps the signing secret, retrying every
 * few seconds while Sarafan is unreachable (it may start after the shop). A refusal is final.
 */
export async function registerSarafanWebhook(
  deps: { store: ShopStore; sarafan: SarafanClient; log: FastifyBaseLogger },
  shopUrl: string,
  signal: AbortSignal,
  retryMs = 5_000,
): Promise<void> {
  while (!signal.aborted) {
    try {
      const endpoint = await deps.sarafan.registerWebhook({ url: `${shopUrl}${WEBHOOK_PATH}`, events: ['reward.approved'] });
      deps.store.setWebhookSecret(endpoint.secret);
      return;
    } catch (error) {
      if (error instanceof SarafanRejectedError) {
        deps.log.warn({ reason: errorMessage(error) }, 'Sarafan refused the webhook endpoint; store credit will not be granted');
        return;
      }
      deps.log.warn({ reason: errorMessage(error) }, 'registering the Sarafan webhook failed; retrying');
      await pause(retryMs, signal);
    }
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
