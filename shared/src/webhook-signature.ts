import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How Sarafan signs a webhook delivery, and how a receiver checks it. The signature covers the
 * timestamp and the exact body bytes, so neither can be changed or replayed later unnoticed:
 *
 *   sarafan-signature: v1=<hex HMAC-SHA256(secret, "<sarafan-timestamp>.<body>")>
 */
export const WEBHOOK_HEADERS = {
  id: 'sarafan-event-id',
  type: 'sarafan-event-type',
  timestamp: 'sarafan-timestamp',
  signature: 'sarafan-signature',
} as const;

/** How old a delivery's timestamp may be when it arrives (clock skew and slow networks included). */
export const WEBHOOK_TOLERANCE_MS = 5 * 60 * 1000;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers: true when the signature is ours and the timestamp is recent. Constant-time. */
export function verifyWebhook(
  secret: string,
  delivery: { timestamp: string | undefined; signature: string | undefined; body: string },
  now: number = Date.now(),
  toleranceMs: number = WEBHOOK_TOLERANCE_MS,
): boolean {
  const timestamp = Number(delivery.timestamp);
  if (!Number.isSafeInteger(timestamp) || Math.abs(now - timestamp) > toleranceMs || !delivery.signature) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, delivery.body));
  const given = Buffer.from(delivery.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
