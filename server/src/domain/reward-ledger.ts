import { proportionOf } from '../../../shared/src/money.ts';
import type { LedgerBucket, RewardStatus } from '../../../shared/src/wire.ts';

/**
 * The reward state machine as ledger transfers. Pure: the store appends the transfers and the new
 * state in one transaction. A reward's value lives in the bucket named by its status; moving it is
 * a transfer, and taking part of it back is a transfer to a sink (`voided`, `rejected`,
 * `clawed_back`). Nothing is ever edited in place, so the ledger explains every balance.
 *
 *   earned → pending → approved → paid         (hold period passed; owner pays)
 *   earned → held → pending | rejected          (fraud review)
 *   earned → rejected                           (a fraud rule whose action is reject)
 *   pending | held → voided                     (refund or cancellation before approval)
 *   approved → clawed_back                      (refund after approval or payment: what is owed
 *                                                shrinks, below zero if it was already paid)
 *   paid → approved                             (a payout nets that debt against newer rewards:
 *                                                the clawed-back part counts as paid back)
 */

export interface Transfer {
  amount: number;
  from: LedgerBucket;
  to: LedgerBucket;
  reason: LedgerReason;
}

/** Why an entry was written (stable codes in the ledger). */
export type LedgerReason =
  | 'conversion'
  | 'milestone_reached'
  | 'fraud_rule'
  | 'hold_period_passed'
  | 'owner_approved'
  | 'owner_rejected'
  | 'owner_paid'
  | 'payout'
  | 'payout_recovered'
  | 'refund'
  | 'order_canceled'
  | 'ambassador_confirmed';

export interface RewardState {
  status: RewardStatus;
  /** What the reward is worth now. */
  amount: number;
}

export interface RewardChange extends RewardState {
  transfers: Transfer[];
}

/** The first entry of every reward. A rejected reward is recorded too, so its reason can be shown. */
export function createReward(
  amount: number,
  status: 'pending' | 'held' | 'rejected',
  earnedFor: 'conversion' | 'milestone_reached' = 'conversion',
): RewardChange {
  const reason: LedgerReason = status === 'pending' ? earnedFor : 'fraud_rule';
  return { status, amount: status === 'rejected' ? 0 : amount, transfers: [{ amount, from: 'earned', to: status, reason }] };
}

const MOVES: Partial<Record<RewardStatus, Partial<Record<RewardStatus, true>>>> = {
  held: { pending: true, rejected: true },
  pending: { approved: true, rejected: true },
  approved: { paid: true },
};

/** Moves the whole reward to another status; null when the move is not allowed from here. */
export function moveReward(reward: RewardState, to: 'pending' | 'approved' | 'paid' | 'rejected', reason: LedgerReason): RewardChange | null {
  if (!MOVES[reward.status]?.[to]) return null;
  return {
    status: to,
    amount: to === 'rejected' ? 0 : reward.amount,
    transfers: [{ amount: reward.amount, from: reward.status as LedgerBucket, to, reason }],
  };
}

/**
 * What a refund or cancellation takes back. The reward's new worth is computed from the original
 * amount and the total refunded so far, so rounding never accumulates over partial refunds.
 * Before approval the difference is voided (all of it voids the reward); after approval or payment
 * it is clawed back from what is owed. Rejected and voided rewards have nothing left to take.
 */
export function takeBack(
  reward: RewardState & { originalAmount: number },
  order: { amount: number; refundedAmount: number; canceled: boolean },
  reason: 'refund' | 'order_canceled',
): RewardChange | null {
  const kept =
    order.canceled || order.refundedAmount >= order.amount
      ? 0
      : reward.originalAmount - proportionOf(reward.originalAmount, order.refundedAmount, order.amount);
  const taken = reward.amount - kept;
  if (reward.status === 'pending' || reward.status === 'held') {
    if (taken <= 0 && kept > 0) return null;
    return {
      status: kept === 0 ? 'voided' : reward.status,
      amount: kept,
      transfers: [{ amount: Math.max(taken, 0), from: reward.status, to: 'voided', reason }],
    };
  }
  if (reward.status === 'approved' || reward.status === 'paid') {
    if (taken <= 0) return null;
    return { status: reward.status, amount: kept, transfers: [{ amount: taken, from: 'approved', to: 'clawed_back', reason }] };
  }
  return null;
}

/**
 * A payout settles a debt left by a clawback after payment (the reward's share of `approved` is
 * below zero): newer rewards pay for it, so that part of the old payment counts as returned.
 */
export function recoverClawback(reward: RewardState, debt: number): RewardChange {
  return { status: reward.status, amount: reward.amount, transfers: [{ amount: debt, from: 'paid', to: 'approved', reason: 'payout_recovered' }] };
}
