import { randomBytes } from 'node:crypto';
import type { WebhookDeliveryView, WebhookEndpointRequest, WebhookEndpointView } from '../../../shared/src/wire.ts';
import { RETRY_FOR_MS } from '../domain/webhook-retry.ts';
import { WebhookDeliveryNotFoundError, WebhookEndpointNotFoundError } from '../errors.ts';
import type { ProgramRecord, WebhookDeliveryRecord, WebhookEndpointRecord } from '../store/records.ts';
import type { ServiceContext } from './service-context.ts';

/** How many deliveries the log shows, newest first. */
export const DELIVERY_LOG_LIMIT = 100;

/** The owner's webhook endpoints and their delivery log. */
export class WebhookService {
  readonly #context: ServiceContext;

  constructor(context: ServiceContext) {
    this.#context = context;
  }

  /** Idempotent per URL: sending the same URL again updates its events and keeps its secret. */
  async save(program: ProgramRecord, request: WebhookEndpointRequest): Promise<{ created: boolean; endpoint: WebhookEndpointView }> {
    const { store, clock } = this.#context;
    const existing = (await store.listWebhookEndpoints(program.id)).some((endpoint) => endpoint.url === request.url);
    const events = request.events?.length ? [...new Set(request.events)].sort().join(' ') : '*';
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const endpoint = await store.saveWebhookEndpoint(program.id, request.url, events, secret, clock());
    return { created: !existing, endpoint: endpointView(endpoint) };
  }

  async list(program: ProgramRecord): Promise<WebhookEndpointView[]> {
    return (await this.#context.store.listWebhookEndpoints(program.id)).map(endpointView);
  }

  async remove(program: ProgramRecord, endpointId: number): Promise<void> {
    if (!(await this.#context.store.deleteWebhookEndpoint(program.id, endpointId, this.#context.clock()))) {
      throw new WebhookEndpointNotFoundError();
    }
  }

  async deliveries(program: ProgramRecord, endpointId: number): Promise<WebhookDeliveryView[]> {
    const { store } = this.#context;
    if (!(await store.listWebhookEndpoints(program.id)).some((endpoint) => endpoint.id === endpointId)) {
      throw new WebhookEndpointNotFoundError();
    }
    return (await store.listWebhookDeliveries(program.id, endpointId, DELIVERY_LOG_LIMIT)).map(deliveryView);
  }

  /** Sends a delivery again now (delivered or failed alike), with a fresh day of retries. */
  async redeliver(program: ProgramRecord, deliveryId: number): Promise<void> {
    const now = this.#context.clock();
    if (!(await this.#context.store.redeliverWebhook(program.id, deliveryId, now, now + RETRY_FOR_MS))) {
      throw new WebhookDeliveryNotFoundError();
    }
  }
}

function endpointView(endpoint: WebhookEndpointRecord): WebhookEndpointView {
  return { id: endpoint.id, url: endpoint.url, events: endpoint.events, secret: endpoint.secret, createdAt: endpoint.createdAt };
}

function deliveryView(delivery: WebhookDeliveryRecord): WebhookDeliveryView {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    type: delivery.type,
    status: delivery.status,
    attempts: delivery.attempts,
    ...(delivery.nextAttemptAt === null ? {} : { nextAttemptAt: delivery.nextAttemptAt }),
    ...(delivery.deliveredAt === null ? {} : { deliveredAt: delivery.deliveredAt }),
    createdAt: delivery.createdAt,
    log: delivery.log.map((attempt) => ({
      attemptedAt: attempt.attemptedAt,
      ...(attempt.statusCode === null ? {} : { statusCode: attempt.statusCode }),
      ...(attempt.error === null ? {} : { error: attempt.error }),
      durationMs: attempt.durationMs,
    })),
  };
}
