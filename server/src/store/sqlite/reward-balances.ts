import type { Database } from 'better-sqlite3';
import type { RewardStatus } from '../../../../shared/src/wire.ts';
import type { RewardBalanceRecord } from '../records.ts';
import { bucketNet } from './ledger.ts';

type Sums = Omit<RewardBalanceRecord, 'counts'>;
type Scope = { programId: string; ambassadorId: number | null };

const NO_REWARDS: Record<RewardStatus, number> = { held: 0, pending: 0, approved: 0, paid: 0, rejected: 0, voided: 0 };

/**
 * What a program's rewards add up to per currency, over all of them: the ledger's buckets, and
 * the rewards counted by status. Each ambassador's balance is summed first: `owed` counts only
 * positive `approved`, as a payout does, since one ambassador's debt never reduces what another
 * is paid.
 */
export function createRewardBalances(db: Database) {
  // Two statements rather than `@ambassadorId IS NULL OR …`, which would keep SQLite from using
  // the ambassador's index.
  const sums = (where: string) =>
    db.prepare<Scope, Sums>(
      `SELECT currency, SUM(held) AS held, SUM(pending) AS pending, SUM(approved) AS approved,
         SUM(MAX(approved, 0)) AS owed, SUM(paid) AS paid, SUM(rejected) AS rejected
       FROM (SELECT currency, ${bucketNet('held')} AS held, ${bucketNet('pending')} AS pending,
               ${bucketNet('approved')} AS approved, ${bucketNet('paid')} AS paid,
               SUM(CASE WHEN to_bucket = 'rejected' THEN amount ELSE 0 END) AS rejected
             FROM ledger_entries WHERE ${where} GROUP BY currency, ambassador_id)
       GROUP BY currency ORDER BY currency`,
    );
  const counts = (where: string) =>
    db.prepare<Scope, { currency: string; status: RewardStatus; count: number }>(
      `SELECT currency, status, count(*) AS count FROM rewards WHERE ${where} GROUP BY currency, status`,
    );
  const ofProgram = { sums: sums('program_id = @programId'), counts: counts('program_id = @programId') };
  const ofAmbassador = {
    sums: sums('program_id = @programId AND ambassador_id = @ambassadorId'),
    counts: counts('program_id = @programId AND ambassador_id = @ambassadorId'),
  };

  // One read transaction: the sums and the counts describe the same moment.
  const read = db.transaction((scope: Scope): RewardBalanceRecord[] => {
    const statements = scope.ambassadorId === null ? ofProgram : ofAmbassador;
    const byCurrency = new Map<string, Record<RewardStatus, number>>();
    for (const row of statements.counts.all(scope)) {
      const tally = byCurrency.get(row.currency) ?? { ...NO_REWARDS };
      tally[row.status] = row.count;
      byCurrency.set(row.currency, tally);
    }
    // Every reward's first entry is in the ledger, so both list the same currencies.
    return statements.sums.all(scope).map((sum) => ({ ...sum, counts: byCurrency.get(sum.currency) ?? { ...NO_REWARDS } }));
  });

  return { of: (programId: string, ambassadorId: number | null) => read({ programId, ambassadorId }) };
}
