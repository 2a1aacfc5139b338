import type { Database } from 'better-sqlite3';
import type { PayableReward, PayoutItem, PayoutLine } from '../../domain/payouts.ts';
import type { PayoutRecord } from '../records.ts';
import type { LedgerContext, PayoutSettler } from '../store.ts';
import { bucketNet, type Ledger } from './ledger.ts';
import { rewardFromRow, type RewardRow } from './row-mapping.ts';

interface PayoutRow {
  id: number;
  program_id: string;
  currency: string;
  status: PayoutRecord['status'];
  minimum_amount: number;
  total: number;
  created_at: number;
  closed_at: number | null;
}

/** A reward's net of `approved`: what it adds to (or, as a debt, takes from) what is owed. */
const OWED = bucketNet('approved', 'l');

/** Payout batches: made from what is owed, paid through the ledger, each in one transaction. */
export function createPayouts(db: Database, ledger: Ledger) {
  // Rewards already in an open batch wait for it to be paid or canceled.
  const payable = db.prepare<{ programId: string; currency: string }, { reward_id: number; ambassador_id: number; status: 'approved' | 'paid'; owed: number }>(
    `SELECT r.id AS reward_id, r.ambassador_id, r.status, ${OWED} AS owed
     FROM rewards r JOIN ledger_entries l ON l.reward_id = r.id
     WHERE r.program_id = @programId AND r.currency = @currency AND r.status IN ('approved', 'paid')
       AND NOT EXISTS (SELECT 1 FROM payout_lines pl JOIN payouts p ON p.id = pl.payout_id WHERE pl.reward_id = r.id AND p.status = 'open')
     GROUP BY r.id HAVING owed <> 0 ORDER BY r.id`,
  );
  const owedOf = db.prepare<{ rewardId: number }, number>(`SELECT COALESCE(${OWED}, 0) FROM ledger_entries l WHERE l.reward_id = @rewardId`).pluck();
  const insertPayout = db.prepare(
    `INSERT INTO payouts (program_id, currency, status, minimum_amount, total, created_at)
     VALUES (@programId, @currency, 'open', @minimumAmount, @total, @at)`,
  );
  const insertItem = db.prepare('INSERT INTO payout_items (payout_id, ambassador_id, amount) VALUES (@payoutId, @ambassadorId, @amount)');
  const insertLine = db.prepare('INSERT INTO payout_lines (payout_id, reward_id, move, amount) VALUES (@payoutId, @rewardId, @move, @amount)');
  const payoutById = db.prepare<{ programId: string; payoutId: number }, PayoutRow>(
    'SELECT * FROM payouts WHERE program_id = @programId AND id = @payoutId',
  );
  const itemsOf = db.prepare<{ payoutId: number }, { ambassador_id: number; code: string; email: string; name: string | null; amount: number }>(
    `SELECT i.ambassador_id, a.code, a.email, a.name, i.amount FROM payout_items i JOIN ambassadors a ON a.id = i.ambassador_id
     WHERE i.payout_id = @payoutId ORDER BY a.code`,
  );
  const linesOf = db.prepare<{ payoutId: number }, { reward_id: number; move: PayoutLine['move']; amount: number }>(
    'SELECT reward_id, move, amount FROM payout_lines WHERE payout_id = @payoutId ORDER BY reward_id',
  );
  const recentIds = db
    .prepare<{ programId: string; limit: number }, number>('SELECT id FROM payouts WHERE program_id = @programId ORDER BY id DESC LIMIT @limit')
    .pluck();
  const rewardById = db.prepare<{ rewardId: number }, RewardRow>('SELECT * FROM rewards WHERE id = @rewardId');
  const close = db.prepare(`UPDATE payouts SET status = @status, closed_at = @at WHERE id = @payoutId AND status = 'open'`);

  function find(programId: string, payoutId: number): PayoutRecord | null {
    const row = payoutById.get({ programId, payoutId });
    if (!row) return null;
    return {
      id: row.id,
      programId: row.program_id,
      currency: row.currency,
      status: row.status,
      minimumAmount: row.minimum_amount,
      total: row.total,
      createdAt: row.created_at,
      closedAt: row.closed_at,
      items: itemsOf.all({ payoutId: row.id }).map((item) => ({
        ambassadorId: item.ambassador_id,
        ambassadorCode: item.code,
        email: item.email,
        name: item.name,
        amount: item.amount,
      })),
    };
  }

  const create = db.transaction(
    (programId: string, currency: string, minimumAmount: number, plan: (rewards: PayableReward[]) => PayoutItem[], at: number) => {
      const rewards = payable.all({ programId, currency }).map((row) => ({
        rewardId: row.reward_id,
        ambassadorId: row.ambassador_id,
        status: row.status,
        owed: row.owed,
      }));
      const items = plan(rewards);
      if (items.length === 0) return null;
      const total = items.reduce((sum, item) => sum + item.amount, 0);
      const payoutId = Number(insertPayout.run({ programId, currency, minimumAmount, total, at }).lastInsertRowid);
      for (const item of items) {
        insertItem.run({ payoutId, ambassadorId: item.ambassadorId, amount: item.amount });
        for (const line of item.lines) insertLine.run({ payoutId, ...line });
      }
      return find(programId, payoutId);
    },
  );

  const markPaid = db.transaction((programId: string, payoutId: number, settle: PayoutSettler, context: LedgerContext) => {
    const payout = find(programId, payoutId);
    if (!payout || payout.status !== 'open') return payout;
    const lines = linesOf.all({ payoutId }).map((line) => {
      const row = rewardById.get({ rewardId: line.reward_id });
      if (!row) throw new Error(`reward ${line.reward_id} of payout ${payoutId} vanished`);
      return { rewardId: line.reward_id, move: line.move, amount: line.amount, reward: rewardFromRow(row), owed: owedOf.get({ rewardId: line.reward_id }) ?? 0 };
    });
    for (const { rewardId, change } of settle(lines)) {
      const line = lines.find((candidate) => candidate.rewardId === rewardId);
      if (!line) throw new Error(`reward ${rewardId} is not in payout ${payoutId}`);
      ledger.append(line.reward, change, context);
    }
    close.run({ payoutId, status: 'paid', at: context.at });
    return find(programId, payoutId);
  });

  const cancel = db.transaction((programId: string, payoutId: number, at: number) => {
    const payout = find(programId, payoutId);
    if (!payout || payout.status !== 'open') return payout;
    close.run({ payoutId, status: 'canceled', at });
    return find(programId, payoutId);
  });

  return {
    find,
    list: (programId: string, limit: number) =>
      recentIds.all({ programId, limit }).flatMap((payoutId) => find(programId, payoutId) ?? []),
    create: (programId: string, currency: string, minimumAmount: number, plan: (rewards: PayableReward[]) => PayoutItem[], at: number) =>
      create.immediate(programId, currency, minimumAmount, plan, at),
    markPaid: (programId: string, payoutId: number, settle: PayoutSettler, context: LedgerContext) =>
      markPaid.immediate(programId, payoutId, settle, context),
    cancel: (programId: string, payoutId: number, at: number) => cancel.immediate(programId, payoutId, at),
  };
}
