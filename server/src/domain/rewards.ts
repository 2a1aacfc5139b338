import { percentOf } from '../../../shared/src/money.ts';
import type { ConversionStatus, OrderStatus } from '../../../shared/src/wire.ts';
import { takeBack, type RewardChange, type RewardState } from './reward-ledger.ts';

/** The ambassador's reward for an order: `basisPoints` of what the friend paid, same currency. */
export function rewardForOrder(orderAmount: number, basisPoints: number): number {
  return percentOf(orderAmount, basisPoints);
}

export interface ConversionState {
  amount: number;
  refundedAmount: number;
  orderStatus: OrderStatus;
  reward: StoredReward | null;
  /** Milestone bonuses the conversion unlocked. */
  bonuses: Array<StoredReward & { id: number }>;
}

type StoredReward = RewardState & { originalAmount: number; holdUntil: number | null };

type BonusChanges<C> = Array<{ rewardId: number; change: C }>;

/**
 * A bonus rewards the referral count the conversion reached: it stands while the referral still
 * counts (a partial refund keeps it), and goes with the whole order (voided before approval,
 * clawed back after).
 */
function takeBackBonuses(conversion: ConversionState, reason: 'refund' | 'order_canceled'): BonusChanges<RewardChange> {
  const changes: BonusChanges<RewardChange> = [];
  for (const bonus of conversion.bonuses) {
    const change = takeBack(bonus, { amount: 1, refundedAmount: 1, canceled: true }, reason);
    if (change) changes.push({ rewardId: bonus.id, change });
  }
  return changes;
}

export type RefundOutcome =
  | { ok: false; reason: 'refund_exceeds_order'; remaining: number }
  | { ok: true; amount: number; refundedAmount: number; status: ConversionStatus; reward: RewardChange | null; bonuses: BonusChanges<RewardChange> };

/**
 * What a refund does. `requested` null means "everything that remains". The reward shrinks in
 * proportion to the refunded share of the order (`takeBack`): voided before approval, clawed back
 * after it.
 */
export function planRefund(conversion: ConversionState, requested: number | null): RefundOutcome {
  const remaining = conversion.amount - conversion.refundedAmount;
  const amount = requested ?? remaining;
  if (amount <= 0 || amount > remaining) return { ok: false, reason: 'refund_exceeds_order', remaining };

  const refundedAmount = conversion.refundedAmount + amount;
  const status: ConversionStatus = refundedAmount >= conversion.amount ? 'refunded' : 'partially_refunded';
  const reward = conversion.reward
    ? takeBack(conversion.reward, { amount: conversion.amount, refundedAmount, canceled: false }, 'refund')
    : null;
  const bonuses = status === 'refunded' ? takeBackBonuses(conversion, 'refund') : [];
  return { ok: true, amount, refundedAmount, status, reward, bonuses };
}

const NEXT_ORDER_STATUSES: Record<OrderStatus, readonly OrderStatus[]> = {
  paid: ['fulfilled', 'canceled'],
  fulfilled: ['canceled'],
  canceled: [],
};

export type OrderStatusOutcome =
  | { ok: false; reason: 'invalid_order_status'; current: OrderStatus }
  | { ok: true; unchanged: true }
  | {
      ok: true;
      unchanged: false;
      orderStatus: OrderStatus;
      reward: (RewardChange & { holdUntil?: number }) | null;
      bonuses: BonusChanges<RewardChange & { holdUntil?: number }>;
    };

/**
 * An order moves forward only: paid → fulfilled → canceled (or paid → canceled); repeating the
 * current status changes nothing. Fulfilment starts the hold period when the program waits for
 * it; cancellation takes the whole reward back.
 */
export function planOrderStatus(
  conversion: ConversionState,
  next: OrderStatus,
  program: { holdStartsAt: 'paid' | 'fulfilled'; holdPeriodMs: number },
  now: number,
): OrderStatusOutcome {
  if (next === conversion.orderStatus) return { ok: true, unchanged: true };
  if (!NEXT_ORDER_STATUSES[conversion.orderStatus].includes(next)) {
    return { ok: false, reason: 'invalid_order_status', current: conversion.orderStatus };
  }
  const reward = conversion.reward;
  if (next === 'canceled') {
    const change = reward ? takeBack(reward, { amount: conversion.amount, refundedAmount: conversion.refundedAmount, canceled: true }, 'order_canceled') : null;
    return { ok: true, unchanged: false, orderStatus: next, reward: change, bonuses: takeBackBonuses(conversion, 'order_canceled') };
  }
  const startHold = (stored: StoredReward | null) =>
    program.holdStartsAt === 'fulfilled' && stored !== null && stored.holdUntil === null && (stored.status === 'pending' || stored.status === 'held')
      ? { status: stored.status, amount: stored.amount, transfers: [], holdUntil: now + program.holdPeriodMs }
      : null;
  const bonuses: BonusChanges<RewardChange & { holdUntil?: number }> = [];
  for (const bonus of conversion.bonuses) {
    const change = startHold(bonus);
    if (change) bonuses.push({ rewardId: bonus.id, change });
  }
  return { ok: true, unchanged: false, orderStatus: next, reward: startHold(reward), bonuses };
}
