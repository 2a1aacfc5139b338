import type { Database } from 'better-sqlite3';
import type { LedgerBalanceRecord, LedgerEntryRecord, RewardRecord } from '../records.ts';
import type { LedgerContext, RewardUpdate } from '../store.ts';
import { ledgerEntryFromRow, type LedgerEntryRow } from './row-mapping.ts';

/**
 * The reward ledger: the only way a reward changes. Each change appends its transfers and sets
 * the reward's status and current worth in the caller's transaction; the table refuses updates
 * and deletes (triggers in the migration).
 */
export function createLedger(db: Database) {
  const insertEntry = db.prepare(
    `INSERT INTO ledger_entries (program_id, ambassador_id, reward_id, currency, amount, from_bucket,
       to_bucket, reason, actor, note, created_at)
     SELECT program_id, ambassador_id, id, currency, @amount, @from, @to, @reason, @actor, @note, @at
     FROM rewards WHERE id = @rewardId`,
  );
  const updateReward = db.prepare(
    `UPDATE rewards SET status = @status, amount = @amount, updated_at = @at,
       hold_until = CASE WHEN @setHoldUntil = 1 THEN @holdUntil ELSE hold_until END
     WHERE id = @rewardId`,
  );
  const entriesOf = db.prepare<{ ambassadorId: number }, LedgerEntryRow>(
    `SELECT l.*, c.order_id FROM ledger_entries l
     JOIN rewards r ON r.id = l.reward_id JOIN conversions c ON c.id = r.conversion_id
     WHERE l.ambassador_id = @ambassadorId ORDER BY l.id`,
  );
  // Each bucket: what entered it minus what left it, per currency.
  const balancesOf = db.prepare<{ ambassadorId: number }, LedgerBalanceRecord>(
    `SELECT currency,
       SUM(CASE WHEN to_bucket = 'held' THEN amount WHEN from_bucket = 'held' THEN -amount ELSE 0 END) AS held,
       SUM(CASE WHEN to_bucket = 'pending' THEN amount WHEN from_bucket = 'pending' THEN -amount ELSE 0 END) AS pending,
       SUM(CASE WHEN to_bucket = 'approved' THEN amount WHEN from_bucket = 'approved' THEN -amount ELSE 0 END) AS approved,
       SUM(CASE WHEN to_bucket = 'paid' THEN amount ELSE 0 END) AS paid
     FROM ledger_entries WHERE ambassador_id = @ambassadorId GROUP BY currency ORDER BY currency`,
  );

  /** Call inside a transaction. */
  function append(reward: Pick<RewardRecord, 'id'>, change: RewardUpdate, context: LedgerContext): void {
    for (const transfer of change.transfers) {
      insertEntry.run({ ...transfer, rewardId: reward.id, actor: context.actor, note: context.note ?? null, at: context.at });
    }
    updateReward.run({
      rewardId: reward.id,
      status: change.status,
      amount: change.amount,
      at: context.at,
      setHoldUntil: change.holdUntil === undefined ? 0 : 1,
      holdUntil: change.holdUntil ?? null,
    });
  }

  return {
    append,
    entriesOf: (ambassadorId: number): LedgerEntryRecord[] => entriesOf.all({ ambassadorId }).map(ledgerEntryFromRow),
    balancesOf: (ambassadorId: number): LedgerBalanceRecord[] => balancesOf.all({ ambassadorId }),
  };
}

export type Ledger = ReturnType<typeof createLedger>;
