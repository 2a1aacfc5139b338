import type { Database } from 'better-sqlite3';
import type { ConversionDetails } from '../records.ts';
import type { NewConversion, RefundPlanner } from '../store.ts';
import { conversionFromRow, rewardFromRow, type ConversionRow, type RewardRow } from './row-mapping.ts';

/** Conversions, their rewards and refunds: the writes that move money, each one transaction. */
export function createConversionWrites(db: Database) {
  const selectConversion = db.prepare<{ programId: string; orderId: string }, ConversionRow & { ambassador_code: string | null }>(
    `SELECT c.*, a.code AS ambassador_code FROM conversions c
     LEFT JOIN ambassadors a ON a.id = c.ambassador_id
     WHERE c.program_id = @programId AND c.order_id = @orderId`,
  );
  const selectReward = db.prepare<[number], RewardRow>('SELECT * FROM rewards WHERE conversion_id = ?');
  const insertConversion = db.prepare(
    `INSERT INTO conversions (program_id, order_id, amount, currency, status, customer_email,
       customer_email_normalised, customer_id, visitor_id, coupon_code, attributed, ambassador_id,
       click_id, reason, friend_discount_percent, friend_discount_amount, created_at)
     VALUES (@programId, @orderId, @amount, @currency, 'paid', @customerEmail,
       @customerEmailNormalised, @customerId, @visitorId, @couponCode, @attributed, @ambassadorId,
       @clickId, @reason, @friendDiscountPercent, @friendDiscountAmount, @createdAt)
     ON CONFLICT (program_id, order_id) DO NOTHING`,
  );
  const insertReward = db.prepare(
    `INSERT INTO rewards (program_id, ambassador_id, conversion_id, kind, original_amount, amount,
       currency, status, created_at, updated_at)
     VALUES (@programId, @ambassadorId, @conversionId, @kind, @amount, @amount, @currency, @status, @at, @at)`,
  );
  const insertRefund = db.prepare(
    `INSERT INTO refunds (conversion_id, amount, reward_amount_before, reward_amount_after, created_at)
     VALUES (@conversionId, @amount, @rewardBefore, @rewardAfter, @at)`,
  );
  const updateConversion = db.prepare(
    'UPDATE conversions SET refunded_amount = @refundedAmount, status = @status WHERE id = @id',
  );
  const updateReward = db.prepare(
    'UPDATE rewards SET amount = @amount, status = @status, updated_at = @at WHERE id = @id',
  );

  function find(programId: string, orderId: string): ConversionDetails | null {
    const row = selectConversion.get({ programId, orderId });
    if (!row) return null;
    const reward = selectReward.get(row.id);
    return { ...conversionFromRow(row), ambassadorCode: row.ambassador_code, reward: reward ? rewardFromRow(reward) : null };
  }

  const record = db.transaction((conversion: NewConversion) => {
    const { reward, ...fields } = conversion;
    const inserted = insertConversion.run({ ...fields, attributed: fields.attributed ? 1 : 0 });
    if (inserted.changes === 1 && reward) {
      insertReward.run({
        ...reward,
        programId: conversion.programId,
        conversionId: inserted.lastInsertRowid,
        at: conversion.createdAt,
      });
    }
    const stored = find(conversion.programId, conversion.orderId);
    if (!stored) throw new Error('conversion vanished inside its own transaction');
    return { created: inserted.changes === 1, conversion: stored };
  });

  const refund = db.transaction((programId: string, orderId: string, plan: RefundPlanner, at: number) => {
    const current = find(programId, orderId);
    if (!current) return null;
    const outcome = plan(current);
    insertRefund.run({
      conversionId: current.id,
      amount: outcome.amount,
      rewardBefore: current.reward?.amount ?? null,
      rewardAfter: outcome.reward?.amount ?? null,
      at,
    });
    updateConversion.run({ id: current.id, refundedAmount: outcome.refundedAmount, status: outcome.status });
    if (current.reward && outcome.reward) {
      updateReward.run({ id: current.reward.id, amount: outcome.reward.amount, status: outcome.reward.status, at });
    }
    return find(programId, orderId);
  });

  return {
    find,
    record: (conversion: NewConversion) => record.immediate(conversion),
    refund: (programId: string, orderId: string, plan: RefundPlanner, at: number) =>
      refund.immediate(programId, orderId, plan, at),
  };
}
