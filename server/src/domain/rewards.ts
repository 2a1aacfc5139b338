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
  reward: (RewardState & { originalAmount: number; holdUntil: number | null }) | null;
}

export type RefundOutcome =
  | { ok: false; reason: 'refund_exceeds_order'; remaining: number }
  | { ok: true; amount: number; refundedAmount: number; status: ConversionStatus; reward: RewardChange | null };

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
  return { ok: true, amount, refundedAmount, status, reward };
}

const NEXT_ORDER_STATUSES: Record<OrderStatus, readonly OrderStatus[]> = {
  paid: ['fulfilled', 'canceled'],
  fulfilled: ['canceled'],
  canceled: [],
};

export type OrderStatusOutcome =
  | { ok: false; reason: 'invalid_order_status'; current: OrderStatus }
  | { ok: true; unchanged: true }
  | { ok: true; unchanged: false; orderStatus: OrderStatus; reward: (RewardChange & { holdUntil?: number }) | null };

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
    return { ok: true, unchanged: false, orderStatus: next, reward: change };
  }
  const startsHold =
    program.holdStartsAt === 'fulfilled' &&
    reward !== null &&
    reward.holdUntil === null &&
    (reward.status === 'pending' || reward.status === 'held');
  return {
    ok: true,
    unchanged: false,
    orderStatus: next,
    reward: startsHold && reward ? { status: reward.status, amount: reward.amount, transfers: [], holdUntil: now + program.holdPeriodMs } : null,
  };
}
