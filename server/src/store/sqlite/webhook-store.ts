import type { Database } from 'better-sqlite3';
import type { DeliveryOutcome } from '../../domain/webhook-retry.ts';
import type { DueDelivery, WebhookAttempt, WebhookDeliveryRecord, WebhookEndpointRecord } from '../records.ts';

interface EndpointRow {
  id: number;
  url: string;
  secret: string;
  events: string;
  created_at: number;
}
interface DeliveryRow {
  id: number;
  event_id: string;
  type: string;
  status: WebhookDeliveryRecord['status'];
  attempts: number;
  next_attempt_at: number | null;
  delivered_at: number | null;
  created_at: number;
}
interface AttemptRow {
  delivery_id: number;
  attempted_at: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

function endpointFromRow(row: EndpointRow): WebhookEndpointRecord {
  return { id: row.id, url: row.url, secret: row.secret, events: row.events.split(' '), createdAt: row.created_at };
}

/** Webhook endpoints, the deliveries due, and the log of every attempt. */
export function createWebhookStore(db: Database) {
  const upsertEndpoint = db.prepare(
    `INSERT INTO webhook_endpoints (program_id, url, secret, events, created_at)
     VALUES (@programId, @url, @secret, @events, @at)
     ON CONFLICT (program_id, url) DO UPDATE SET events = excluded.events, deleted_at = NULL`,
  );
  const endpointByUrl = db.prepare<{ programId: string; url: string }, EndpointRow>(
    'SELECT * FROM webhook_endpoints WHERE program_id = @programId AND url = @url',
  );
  const endpointsOf = db.prepare<{ programId: string }, EndpointRow>(
    'SELECT * FROM webhook_endpoints WHERE program_id = @programId AND deleted_at IS NULL ORDER BY id',
  );
  const deleteEndpoint = db.prepare(
    `UPDATE webhook_endpoints SET deleted_at = @at WHERE program_id = @programId AND id = @endpointId AND deleted_at IS NULL`,
  );
  // A deleted endpoint gets nothing more; its undelivered events stay in the log as they are.
  const due = db.prepare<{ now: number; limit: number }, DueDelivery & { give_up_at: number }>(
    `SELECT d.id AS deliveryId, d.attempts, d.give_up_at, e.url, e.secret, v.id AS eventId, v.type, v.payload
     FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id JOIN webhook_events v ON v.id = d.event_id
     WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND e.deleted_at IS NULL
     ORDER BY d.next_attempt_at, d.id LIMIT @limit`,
  );
  const insertAttempt = db.prepare(
    `INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, error, duration_ms)
     VALUES (@deliveryId, @attemptedAt, @statusCode, @error, @durationMs)`,
  );
  const updateDelivery = db.prepare(
    `UPDATE webhook_deliveries SET attempts = attempts + 1, status = @status, next_attempt_at = @nextAttemptAt,
       delivered_at = @deliveredAt
     WHERE id = @deliveryId AND status = 'pending'`,
  );
  const deliveriesOf = db.prepare<{ programId: string; endpointId: number; limit: number }, DeliveryRow>(
    `SELECT d.id, d.event_id, v.type, d.status, d.attempts, d.next_attempt_at, d.delivered_at, v.created_at
     FROM webhook_deliveries d JOIN webhook_events v ON v.id = d.event_id
     JOIN webhook_endpoints e ON e.id = d.endpoint_id
     WHERE e.program_id = @programId AND d.endpoint_id = @endpointId
     ORDER BY d.id DESC LIMIT @limit`,
  );
  const attemptsOf = db.prepare<{ deliveryIds: string }, AttemptRow>(
    `SELECT delivery_id, attempted_at, status_code, error, duration_ms FROM webhook_attempts
     WHERE delivery_id IN (SELECT value FROM json_each(@deliveryIds)) ORDER BY id`,
  );
  // Again from now, with a fresh day of retries; the earlier attempts stay in the log.
  const redeliver = db.prepare(
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = @at, give_up_at = @giveUpAt, delivered_at = NULL
     WHERE id = @deliveryId AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE program_id = @programId AND deleted_at IS NULL)`,
  );

  const saveEndpoint = db.transaction(
    (programId: string, url: string, events: string, secret: string, at: number): WebhookEndpointRecord => {
      upsertEndpoint.run({ programId, url, events, secret, at });
      const row = endpointByUrl.get({ programId, url });
      if (!row) throw new Error('webhook endpoint vanished inside its own transaction');
      return endpointFromRow(row);
    },
  );

  const recordAttempt = db.transaction((attempt: WebhookAttempt & { deliveryId: number }, outcome: DeliveryOutcome) => {
    insertAttempt.run({ ...attempt, statusCode: attempt.statusCode ?? null, error: attempt.error ?? null });
    updateDelivery.run({
      deliveryId: attempt.deliveryId,
      status: outcome.status,
      nextAttemptAt: outcome.status === 'pending' ? outcome.nextAttemptAt : null,
      deliveredAt: outcome.status === 'delivered' ? attempt.attemptedAt : null,
    });
  });

  return {
    /** Creates the endpoint, or updates the events of the one with this URL (keeping its secret). */
    saveEndpoint: (programId: string, url: string, events: string, secret: string, at: number) =>
      saveEndpoint.immediate(programId, url, events, secret, at),
    endpoints: (programId: string) => endpointsOf.all({ programId }).map(endpointFromRow),
    deleteEndpoint: (programId: string, endpointId: number, at: number) =>
      deleteEndpoint.run({ programId, endpointId, at }).changes === 1,
    due: (now: number, limit: number): Array<DueDelivery & { giveUpAt: number }> =>
      due.all({ now, limit }).map(({ give_up_at, ...delivery }) => ({ ...delivery, giveUpAt: give_up_at })),
    recordAttempt: (attempt: WebhookAttempt & { deliveryId: number }, outcome: DeliveryOutcome) =>
      recordAttempt.immediate(attempt, outcome),
    deliveries(programId: string, endpointId: number, limit: number): WebhookDeliveryRecord[] {
      const rows = deliveriesOf.all({ programId, endpointId, limit });
      const attempts = attemptsOf.all({ deliveryIds: JSON.stringify(rows.map((row) => row.id)) });
      return rows.map((row) => ({
        id: row.id,
        eventId: row.event_id,
        type: row.type,
        status: row.status,
        attempts: row.attempts,
        nextAttemptAt: row.next_attempt_at,
        deliveredAt: row.delivered_at,
        createdAt: row.created_at,
        log: attempts
          .filter((attempt) => attempt.delivery_id === row.id)
          .map((attempt) => ({
            attemptedAt: attempt.attempted_at,
            statusCode: attempt.status_code,
            error: attempt.error,
            durationMs: attempt.duration_ms,
          })),
      }));
    },
    redeliver: (programId: string, deliveryId: number, at: number, giveUpAt: number) =>
      redeliver.run({ programId, deliveryId, at, giveUpAt }).changes === 1,
  };
}
