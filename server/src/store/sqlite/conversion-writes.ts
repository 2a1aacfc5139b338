import type { Database } from 'better-sqlite3';
import type { ConversionDetails, RewardRecord } from '../records.ts';
import type { ReferralStanding } from '../records.ts';
import {
  FriendCouponTakenError,
  type LedgerContext,
  type NewConversion,
  type NewReward,
  type OrderStatusPlanner,
  type RefundPlanner,
  type RewardPlanning,
  type StandingQuery,
} from '../store.ts';
import type { Ledger } from './ledger.ts';
import type { Outbox } from './outbox.ts';
import type { RollupWrites } from './rollup-writes.ts';
import { conversionFromRow, rewardFromRow, type ConversionRow, type RewardRow } from './row-mapping.ts';

/** Conversions, their rewards and refunds: the writes that move money, each one transaction. */
export function createConversionWrites(
  db: Database,
  ledger: Ledger,
  outbox: Outbox,
  standing: (query: StandingQuery) => ReferralStanding,
  claimFriendCoupon: (code: string, conversionId: number | bigint, at: number) => boolean,
  rollups: RollupWrites,
) {
  const selectConversion = db.prepare<{ programId: string; orderId: string }, ConversionRow & { ambassador_code: string | null }>(
    `SELECT c.*, a.code AS ambassador_code FROM conversions c
     LEFT JOIN ambassadors a ON a.id = c.ambassador_id
     WHERE c.program_id = @programId AND c.order_id = @orderId`,
  );
  const selectRewards = db.prepare<{ conversionId: number }, RewardRow>(
    'SELECT * FROM rewards WHERE conversion_id = @conversionId ORDER BY id',
  );
  const insertConversion = db.prepare(
    `INSERT INTO conversions (program_id, order_id, amount, currency, status, customer_email,
       customer_email_normalised, customer_id, visitor_id, coupon_code, attributed, attributed_via,
       ambassador_id, click_id, reason, friend_discount_percent, friend_discount_amount, ip_hash,
       ip_ua_hash, rules_version, friend_share, reward_skipped, created_at)
     VALUES (@programId, @orderId, @amount, @currency, 'paid', @customerEmail,
       @customerEmailNormalised, @customerId, @visitorId, @couponCode, @attributed, @attributedVia,
       @ambassadorId, @clickId, @reason, @friendDiscountPercent, @friendDiscountAmount, @ipHash,
       @ipUaHash, @rulesVersion, @friendShare, @rewardSkipped, @createdAt)
     ON CONFLICT (program_id, order_id) DO NOTHING`,
  );
  const insertReward = db.prepare(
    `INSERT INTO rewards (program_id, ambassador_id, conversion_id, purpose, milestone, kind, original_amount,
       amount, currency, status, hold_until, reasons, created_at, updated_at)
     VALUES (@programId, @ambassadorId, @conversionId, @purpose, @milestone, @kind, @originalAmount, @amount,
       @currency, @status, @holdUntil, @reasons, @at, @at)`,
  );
  const insertRefund = db.prepare(
    `INSERT INTO refunds (conversion_id, refund_id, amount, reward_amount_before, reward_amount_after, created_at)
     VALUES (@conversionId, @refundId, @amount, @rewardBefore, @rewardAfter, @at)`,
  );
  const refundSeen = db
    .prepare<{ conversionId: number; refundId: string }, number>(
      'SELECT 1 FROM refunds WHERE conversion_id = @conversionId AND refund_id = @refundId',
    )
    .pluck();
  const updateRefunded = db.prepare(
    'UPDATE conversions SET refunded_amount = @refundedAmount, status = @status WHERE id = @id',
  );
  const updateOrderStatus = db.prepare('UPDATE conversions SET order_status = @orderStatus WHERE id = @id');

  function find(programId: string, orderId: string): ConversionDetails | null {
    const row = selectConversion.get({ programId, orderId });
    if (!row) return null;
    const rewards = selectRewards.all({ conversionId: row.id }).map(rewardFromRow);
    return {
      ...conversionFromRow(row),
      ambassadorCode: row.ambassador_code,
      reward: rewards.find((reward) => reward.purpose === 'conversion') ?? null,
      bonuses: rewards.filter((reward) => reward.purpose === 'milestone'),
    };
  }

  /** A stored bonus as it was before this change (its status decides the change's webhook event). */
  function bonusBefore(current: ConversionDetails, rewardId: number): RewardRecord {
    const bonus = current.bonuses.find((stored) => stored.id === rewardId);
    if (!bonus) throw new Error(`bonus ${rewardId} is not one of order ${current.orderId}'s`);
    return bonus;
  }

  function found(programId: string, orderId: string): ConversionDetails {
    const stored = find(programId, orderId);
    if (!stored) throw new Error('conversion vanished inside its own transaction');
    return stored;
  }

  // The reward is planned here, from a standing read in this write transaction: two conversions
  // at the same moment cannot both pass a cap or a budget that has room for one.
  const record = db.transaction((planned: NewConversion, planning: RewardPlanning | null) => {
    const conversion: NewConversion = planning ? { ...planned, ...planning.plan(standing(planning.query)) } : planned;
    const { reward, bonuses, friendCouponCode, ...fields } = conversion;
    const inserted = insertConversion.run({ ...fields, rewardSkipped: fields.rewardSkipped ?? null, attributed: fields.attributed ? 1 : 0 });
    if (inserted.changes === 1 && friendCouponCode && !claimFriendCoupon(friendCouponCode, inserted.lastInsertRowid, conversion.createdAt)) {
      throw new FriendCouponTakenError(friendCouponCode);
    }
    if (inserted.changes === 1) {
      const add = (newReward: NewReward, milestone: number | null) => {
        const rewardId = insertReward.run({
          programId: conversion.programId,
          ambassadorId: newReward.ambassadorId,
          conversionId: inserted.lastInsertRowid,
          purpose: milestone === null ? 'conversion' : 'milestone',
          milestone,
          kind: newReward.kind,
          originalAmount: newReward.originalAmount,
          amount: newReward.change.amount,
          currency: newReward.currency,
          status: newReward.change.status,
          holdUntil: newReward.holdUntil,
          reasons: newReward.reasons.join(' '),
          at: conversion.createdAt,
        }).lastInsertRowid;
        ledger.append({ id: Number(rewardId) }, newReward.change, { actor: 'shop_api', at: conversion.createdAt });
      };
      if (reward) add(reward, null);
      for (const bonus of bonuses) add(bonus, bonus.milestone);
    }
    const stored = found(conversion.programId, conversion.orderId);
    if (inserted.changes === 1) {
      const rollup = rollups.batch();
      rollup.conversionAdded(stored);
      rollup.flush();
    }
    if (inserted.changes === 1 && stored.attributed) {
      const { orderId, amount, currency, ambassadorCode, attributedVia, customerEmail, createdAt } = stored;
      const data = { conversion: { orderId, amount, currency, ambassadorCode, attributedVia, customerEmail, createdAt } };
      outbox.enqueue(conversion.programId, 'conversion.attributed', data, conversion.createdAt);
      for (const bonus of stored.bonuses) {
        const milestone = { ambassadorCode, milestone: bonus.milestone, orderId, rewardId: bonus.id, amount: bonus.originalAmount, currency: bonus.currency };
        outbox.enqueue(conversion.programId, 'milestone.reached', { milestone }, conversion.createdAt);
      }
    }
    return { created: inserted.changes === 1, conversion: stored };
  });

  const refund = db.transaction(
    (programId: string, orderId: string, refundId: string | null, plan: RefundPlanner, context: LedgerContext) => {
      const current = find(programId, orderId);
      if (!current) return null;
      if (refundId !== null && refundSeen.get({ conversionId: current.id, refundId }) === 1) return current;
      const outcome = plan(current);
      insertRefund.run({
        conversionId: current.id,
        refundId,
        amount: outcome.amount,
        rewardBefore: current.reward?.amount ?? null,
        rewardAfter: outcome.reward?.amount ?? current.reward?.amount ?? null,
        at: context.at,
      });
      updateRefunded.run({ id: current.id, refundedAmount: outcome.refundedAmount, status: outcome.status });
      const rollup = rollups.batch();
      rollup.conversionRefunded(current, outcome.refundedAmount);
      rollup.flush();
      if (current.reward && outcome.reward) ledger.append(current.reward, outcome.reward, context);
      for (const bonus of outcome.bonuses) ledger.append(bonusBefore(current, bonus.rewardId), bonus.change, context);
      return found(programId, orderId);
    },
  );

  // The analytics do not read the order status (a canceled order stays an order of its day), so
  // a status change leaves the roll-ups as they are.
  const orderStatus = db.transaction((programId: string, orderId: string, plan: OrderStatusPlanner, context: LedgerContext) => {
    const current = find(programId, orderId);
    if (!current) return null;
    const outcome = plan(current);
    if (!outcome) return current;
    updateOrderStatus.run({ id: current.id, orderStatus: outcome.orderStatus });
    if (current.reward && outcome.reward) ledger.append(current.reward, outcome.reward, context);
    for (const bonus of outcome.bonuses) ledger.append(bonusBefore(current, bonus.rewardId), bonus.change, context);
    return found(programId, orderId);
  });

  return {
    find,
    record: (conversion: NewConversion, planning: RewardPlanning | null = null) => record.immediate(conversion, planning),
    refund: (programId: string, orderId: string, refundId: string | null, plan: RefundPlanner, context: LedgerContext) =>
      refund.immediate(programId, orderId, refundId, plan, context),
    orderStatus: (programId: string, orderId: string, plan: OrderStatusPlanner, context: LedgerContext) =>
      orderStatus.immediate(programId, orderId, plan, context),
  };
}
