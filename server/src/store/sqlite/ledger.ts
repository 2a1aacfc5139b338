import type { Database } from 'better-sqlite3';
import type { LedgerBucket, RewardStatus, WebhookEventType } from '../../../../shared/src/wire.ts';
import type { LedgerBalanceRecord, LedgerEntryRecord, RewardRecord } from '../records.ts';
import type { LedgerContext, RewardUpdate } from '../store.ts';
import type { Outbox } from './outbox.ts';
import { ledgerEntryFromRow, ownerRewardFromRow, type LedgerEntryRow, type RewardRow } from './row-mapping.ts';

/** The webhook event of a reward arriving in a status; moves without one (held → pending) send none. */
const EVENT_OF_STATUS: Partial<Record<RewardStatus, WebhookEventType>> = {
  approved: 'reward.approved',
  rejected: 'reward.rejected',
  voided: 'reward.voided',
  paid: 'reward.paid',
};

/**
 * SQL for a bucket's balance over the grouped ledger entries: what entered it minus what left it.
 * `bucket` is one of ours, never input; `table` is the alias of `ledger_entries` in a join.
 */
export function bucketNet(bucket: LedgerBucket, table = ''): string {
  const column = (name: string) => (table ? `${table}.${name}` : name);
  return `SUM(CASE WHEN ${column('to_bucket')} = '${bucket}' THEN ${column('amount')} WHEN ${column('from_bucket')} = '${bucket}' THEN -${column('amount')} ELSE 0 END)`;
}

/**
 * The reward ledger: the only way a reward changes. Each change appends its transfers and sets
 * the reward's status and current worth in the caller's transaction; the table refuses updates
 * and deletes (triggers in the migration). A change of status also puts its webhook event in the
 * outbox, in the same transaction.
 */
export function createLedger(db: Database, outbox: Outbox) {
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
  const rewardForEvent = db.prepare<{ rewardId: number }, RewardRow & { order_id: string; ambassador_code: string }>(
    `SELECT r.*, c.order_id, a.code AS ambassador_code FROM rewards r
     JOIN conversions c ON c.id = r.conversion_id JOIN ambassadors a ON a.id = r.ambassador_id WHERE r.id = @rewardId`,
  );
  const entriesOf = db.prepare<{ ambassadorId: number }, LedgerEntryRow>(
    `SELECT l.*, c.order_id FROM ledger_entries l
     JOIN rewards r ON r.id = l.reward_id JOIN conversions c ON c.id = r.conversion_id
     WHERE l.ambassador_id = @ambassadorId ORDER BY l.id`,
  );
  const balancesOf = db.prepare<{ ambassadorId: number }, LedgerBalanceRecord>(
    `SELECT currency, ${bucketNet('held')} AS held, ${bucketNet('pending')} AS pending, ${bucketNet('approved')} AS approved,
       ${bucketNet('paid')} AS paid
     FROM ledger_entries WHERE ambassador_id = @ambassadorId GROUP BY currency ORDER BY currency`,
  );

  /** Call inside a transaction. A reward without a `status` is being created. */
  function append(reward: Pick<RewardRecord, 'id'> & { status?: RewardStatus }, change: RewardUpdate, context: LedgerContext): void {
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
    const event = reward.status === undefined ? 'reward.created' : change.status !== reward.status ? EVENT_OF_STATUS[change.status] : undefined;
    if (event) {
      const row = rewardForEvent.get({ rewardId: reward.id });
      if (!row) throw new Error('reward vanished inside its own transaction');
      const { id, ambassadorCode, orderId, amount, originalAmount, currency, status, reasons, holdUntil } = ownerRewardFromRow(row);
      const data = { reward: { id, ambassadorCode, orderId, amount, originalAmount, currency, status, reasons, holdUntil } };
      outbox.enqueue(row.program_id, event, data, context.at);
    }
  }

  return {
    append,
    entriesOf: (ambassadorId: number): LedgerEntryRecord[] => entriesOf.all({ ambassadorId }).map(ledgerEntryFromRow),
    balancesOf: (ambassadorId: number): LedgerBalanceRecord[] => balancesOf.all({ ambassadorId }),
  };
}

export type Ledger = ReturnType<typeof createLedger>;
