import { describe, expect, it } from 'vitest';
import { planOrderStatus, planRefund, rewardForOrder, type ConversionState } from '../../src/domain/rewards.ts';

describe('rewardForOrder', () => {
  it('takes basis points of the order, rounded half up', () => {
    expect(rewardForOrder(10_000, 1_000)).toBe(1_000);
    expect(rewardForOrder(12_345, 1_000)).toBe(1_235);
    expect(rewardForOrder(12_344, 1_000)).toBe(1_234);
    expect(rewardForOrder(0, 1_000)).toBe(0);
    expect(rewardForOrder(1_000_000_000_000, 1_000)).toBe(100_000_000_000);
  });
});

type Reward = NonNullable<ConversionState['reward']>;
const order = (refundedAmount = 0, reward: Partial<Reward> | null = {}): ConversionState => ({
  amount: 10_000,
  refundedAmount,
  orderStatus: 'paid',
  reward: reward ? { originalAmount: 1_000, amount: 1_000, status: 'pending', holdUntil: 5, ...reward } : null,
  bonuses: [],
});

describe('planRefund', () => {
  it('voids the refunded share of a pending reward', () => {
    expect(planRefund(order(), 2_500)).toEqual({
      ok: true,
      amount: 2_500,
      refundedAmount: 2_500,
      status: 'partially_refunded',
      reward: { amount: 750, status: 'pending', transfers: [{ amount: 250, from: 'pending', to: 'voided', reason: 'refund' }] },
      bonuses: [],
    });
    expect(planRefund(order(2_500, { amount: 750 }), 2_500)).toMatchObject({ reward: { amount: 500 } });
  });

  it('computes from the original amount, so rounding never accumulates', () => {
    let state = order(0, { originalAmount: 333, amount: 333 });
    for (let i = 0; i < 3; i += 1) {
      const outcome = planRefund(state, 3_333);
      if (!outcome.ok || !outcome.reward || !state.reward) throw new Error('expected a refund');
      state = { ...state, refundedAmount: outcome.refundedAmount, reward: { ...state.reward, ...outcome.reward } };
    }
    // 333 - round(333 × 9,999 / 10,000): nothing is left, so the reward is void before the last cent.
    expect(state.reward).toMatchObject({ amount: 0, status: 'voided' });
    expect(planRefund(state, 1)).toMatchObject({ ok: true, reward: null });
  });

  it('voids a pending or held reward on a full refund, and refunds the rest when no amount is given', () => {
    expect(planRefund(order(4_000, { amount: 600 }), null)).toMatchObject({
      amount: 6_000,
      status: 'refunded',
      reward: { amount: 0, status: 'voided', transfers: [{ amount: 600, from: 'pending', to: 'voided' }] },
    });
    expect(planRefund(order(0, { status: 'held' }), null)).toMatchObject({
      reward: { status: 'voided', transfers: [{ from: 'held', to: 'voided' }] },
    });
  });

  it('claws back from an approved or paid reward, in proportion', () => {
    expect(planRefund(order(0, { status: 'approved' }), 5_000)).toMatchObject({
      reward: { amount: 500, status: 'approved', transfers: [{ amount: 500, from: 'approved', to: 'clawed_back' }] },
    });
    expect(planRefund(order(0, { status: 'paid' }), null)).toMatchObject({
      reward: { amount: 0, status: 'paid', transfers: [{ amount: 1_000, from: 'approved', to: 'clawed_back' }] },
    });
  });

  it('leaves rejected and voided rewards alone', () => {
    expect(planRefund(order(0, { status: 'rejected', amount: 0 }), null)).toMatchObject({ ok: true, reward: null });
    expect(planRefund(order(0, null), 100)).toMatchObject({ ok: true, reward: null });
  });

  it('refuses more than what remains, and refunding nothing', () => {
    expect(planRefund(order(9_000), 1_001)).toEqual({ ok: false, reason: 'refund_exceeds_order', remaining: 1_000 });
    expect(planRefund(order(10_000), null)).toMatchObject({ ok: false, remaining: 0 });
  });
});

describe('planOrderStatus', () => {
  const program = { holdStartsAt: 'fulfilled' as const, holdPeriodMs: 100 };

  it('moves forward only, and repeating the current status changes nothing', () => {
    expect(planOrderStatus(order(), 'paid', program, 0)).toEqual({ ok: true, unchanged: true });
    expect(planOrderStatus({ ...order(), orderStatus: 'fulfilled' }, 'paid', program, 0)).toEqual({
      ok: false,
      reason: 'invalid_order_status',
      current: 'fulfilled',
    });
    expect(planOrderStatus({ ...order(), orderStatus: 'canceled' }, 'fulfilled', program, 0)).toMatchObject({ ok: false });
  });

  it('starts the hold period on fulfilment when the program waits for it', () => {
    expect(planOrderStatus(order(0, { holdUntil: null }), 'fulfilled', program, 1_000)).toMatchObject({
      ok: true,
      orderStatus: 'fulfilled',
      reward: { status: 'pending', amount: 1_000, transfers: [], holdUntil: 1_100 },
    });
    expect(planOrderStatus(order(0, { holdUntil: 7 }), 'fulfilled', program, 1_000)).toMatchObject({ reward: null });
    expect(planOrderStatus(order(0, { holdUntil: null }), 'fulfilled', { ...program, holdStartsAt: 'paid' }, 1_000)).toMatchObject({
      reward: null,
    });
  });

  it('takes the whole reward back on cancellation', () => {
    expect(planOrderStatus(order(), 'canceled', program, 0)).toMatchObject({
      reward: { status: 'voided', amount: 0, transfers: [{ amount: 1_000, from: 'pending', to: 'voided', reason: 'order_canceled' }] },
    });
    expect(planOrderStatus(order(0, { status: 'paid' }), 'canceled', program, 0)).toMatchObject({
      reward: { status: 'paid', amount: 0, transfers: [{ amount: 1_000, from: 'approved', to: 'clawed_back' }] },
    });
  });
});
