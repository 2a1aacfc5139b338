import { describe, expect, it } from 'vitest';
import { planRefund, rewardForOrder } from '../../src/domain/rewards.ts';

describe('rewardForOrder', () => {
  it('takes basis points of the order, rounded half up', () => {
    expect(rewardForOrder(10_000, 1_000)).toBe(1_000);
    expect(rewardForOrder(12_345, 1_000)).toBe(1_235);
    expect(rewardForOrder(12_344, 1_000)).toBe(1_234);
    expect(rewardForOrder(0, 1_000)).toBe(0);
    expect(rewardForOrder(1_000_000_000_000, 1_000)).toBe(100_000_000_000);
  });
});

describe('planRefund', () => {
  const paid = (refundedAmount = 0, reward: { amount: number; status: 'pending' | 'approved' } | null = { amount: 1_000, status: 'pending' }) => ({
    amount: 10_000,
    refundedAmount,
    reward: reward ? { originalAmount: 1_000, ...reward } : null,
  });

  it('shrinks a pending reward in proportion', () => {
    expect(planRefund(paid(), 2_500)).toEqual({
      ok: true,
      amount: 2_500,
      refundedAmount: 2_500,
      status: 'partially_refunded',
      reward: { amount: 750, status: 'pending' },
    });
    expect(planRefund(paid(2_500, { amount: 750, status: 'pending' }), 2_500)).toMatchObject({ reward: { amount: 500 } });
  });

  it('voids a pending reward on a full refund, and refunds the rest when no amount is given', () => {
    expect(planRefund(paid(4_000, { amount: 600, status: 'pending' }), null)).toEqual({
      ok: true,
      amount: 6_000,
      refundedAmount: 10_000,
      status: 'refunded',
      reward: { amount: 0, status: 'voided' },
    });
  });

  it('leaves a reward that is no longer pending alone', () => {
    expect(planRefund(paid(0, { amount: 1_000, status: 'approved' }), null)).toMatchObject({ reward: { amount: 1_000, status: 'approved' } });
    expect(planRefund(paid(0, null), 100)).toMatchObject({ ok: true, reward: null });
  });

  it('refuses more than what remains, and refunding nothing', () => {
    expect(planRefund(paid(9_000), 1_001)).toEqual({ ok: false, reason: 'refund_exceeds_order', remaining: 1_000 });
    expect(planRefund(paid(10_000), null)).toMatchObject({ ok: false, remaining: 0 });
  });
});
