/**
 * When a failed webhook delivery is tried again: exponential backoff from 30 seconds, doubling up
 * to 6 hours between attempts, for at least a day (26 hours) after the event. A receiver that is
 * down for a night still gets everything; 14 attempts in all before giving up.
 */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_GAP_MS = 6 * 60 * 60 * 1000;
export const RETRY_FOR_MS = 26 * 60 * 60 * 1000;

/** `attempts` is how many attempts have failed so far (1 after the first). */
export function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(attempts - 1, 0), MAX_RETRY_GAP_MS);
}

export type DeliveryOutcome =
  | { status: 'delivered' }
  | { status: 'pending'; nextAttemptAt: number }
  | { status: 'failed' };

/**
 * A 2xx answer delivers; anything else (another status, a timeout, no answer) is retried, the last
 * time exactly at `giveUpAt`, after which the delivery has failed (the owner can redeliver it).
 */
export function afterAttempt(ok: boolean, attempts: number, at: number, giveUpAt: number): DeliveryOutcome {
  if (ok) return { status: 'delivered' };
  if (at >= giveUpAt) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: Math.min(at + retryDelay(attempts), giveUpAt) };
}
