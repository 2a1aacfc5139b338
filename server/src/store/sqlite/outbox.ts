import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { WebhookEventType } from '../../../../shared/src/wire.ts';
import { RETRY_FOR_MS } from '../../domain/webhook-retry.ts';

/**
 * The webhook outbox. `enqueue` runs inside the transaction of the change it reports, so an event
 * exists exactly when its change was committed; the delivery worker sends it later, however long
 * the receiver is down. One delivery row per subscribed endpoint.
 */
export function createOutbox(db: Database) {
  const endpoints = db.prepare<{ programId: string }, { id: number; events: string }>(
    'SELECT id, events FROM webhook_endpoints WHERE program_id = @programId AND deleted_at IS NULL',
  );
  const insertEvent = db.prepare(
    `INSERT INTO webhook_events (id, program_id, type, payload, created_at)
     VALUES (@id, @programId, @type, @payload, @at)`,
  );
  const insertDelivery = db.prepare(
    `INSERT INTO webhook_deliveries (event_id, endpoint_id, status, next_attempt_at, give_up_at)
     VALUES (@eventId, @endpointId, 'pending', @at, @giveUpAt)`,
  );

  /** Call inside a transaction. Programs without endpoints write nothing. */
  function enqueue(programId: string, type: WebhookEventType, data: Record<string, unknown>, at: number): void {
    const subscribed = endpoints.all({ programId }).filter((endpoint) => subscribes(endpoint.events, type));
    if (subscribed.length === 0) return;
    const id = `evt_${randomUUID().replaceAll('-', '')}`;
    const payload = JSON.stringify({ id, type, programId, createdAt: at, data });
    insertEvent.run({ id, programId, type, payload, at });
    for (const endpoint of subscribed) {
      insertDelivery.run({ eventId: id, endpointId: endpoint.id, at, giveUpAt: at + RETRY_FOR_MS });
    }
  }

  return { enqueue };
}

export type Outbox = ReturnType<typeof createOutbox>;

function subscribes(events: string, type: string): boolean {
  return events === '*' || events.split(' ').includes(type);
}
