import { describe, expect, it } from 'vitest';
import { afterAttempt, retryDelay, RETRY_FOR_MS } from '../../src/domain/webhook-retry.ts';

describe('webhook retries', () => {
  it('back off exponentially from 30 s to at most 6 h between attempts', () => {
    expect([1, 2, 3, 4, 10, 11, 12, 20].map(retryDelay)).toEqual([
      30_000, 60_000, 120_000, 240_000, 15_360_000, 21_600_000, 21_600_000, 21_600_000,
    ]);
  });

  it('keep trying for at least a day, then give up', () => {
    let at = 0;
    let attempts = 0;
    let outcome = afterAttempt(false, ++attempts, at, RETRY_FOR_MS);
    while (outcome.status === 'pending') {
      at = outcome.nextAttemptAt;
      outcome = afterAttempt(false, ++attempts, at, RETRY_FOR_MS);
    }
    expect(outcome.status).toBe('failed');
    // The last attempt is at the give-up time itself: more than a day after the event.
    expect(at).toBe(RETRY_FOR_MS);
    expect(attempts).toBe(14);
  });

  it('deliver on success whatever came before', () => {
    expect(afterAttempt(true, 9, 0, 0)).toEqual({ status: 'delivered' });
  });
});
