import type { Database } from 'better-sqlite3';
import { moveReward } from '../../domain/reward-ledger.ts';
import type { OwnerReward, RewardRecord } from '../records.ts';
import type { LedgerContext, RewardFilter, RewardUpdate } from '../store.ts';
import type { Ledger } from './ledger.ts';
import { ownerRewardFromRow, rewardFromRow, type RewardRow } from './row-mapping.ts';

type OwnerRewardRow = RewardRow & { order_id: string; ambassador_code: string };
type ListParams = { programId: string; status: string | null; ambassadorId: number | null; flagged: number; limit: number };

const OWNER_REWARD_SELECT = `SELECT r.*, c.order_id, a.code AS ambassador_code FROM rewards r
  JOIN conversions c ON c.id = r.conversion_id JOIN ambassadors a ON a.id = r.ambassador_id`;

/** What the owner does with rewards, and the approval of rewards whose hold period has passed. */
export function createRewardWrites(db: Database, ledger: Ledger) {
  const byId = db.prepare<{ programId: string; rewardId: number }, OwnerRewardRow>(
    `${OWNER_REWARD_SELECT} WHERE r.program_id = @programId AND r.id = @rewardId`,
  );
  // One ambassador's list is read through their own index (not a scan of the program's rewards),
  // so their flags are found at any age.
  const list = (where: string) =>
    db.prepare<ListParams, OwnerRewardRow>(
      `${OWNER_REWARD_SELECT} WHERE ${where} AND (@status IS NULL OR r.status = @status) AND (@flagged = 0 OR r.reasons <> '')
       ORDER BY r.created_at DESC, r.id DESC LIMIT @limit`,
    );
  const listOfProgram = list('r.program_id = @programId');
  const listOfAmbassador = list('r.ambassador_id = @ambassadorId AND r.program_id = @programId');
  const due = db.prepare<{ programId: string | null; now: number; limit: number }, RewardRow>(
    `SELECT * FROM rewards WHERE status = 'pending' AND hold_until <= @now
       AND (@programId IS NULL OR program_id = @programId)
     ORDER BY hold_until LIMIT @limit`,
  );

  const change = db.transaction(
    (programId: string, rewardId: number, plan: (reward: RewardRecord) => RewardUpdate | null, context: LedgerContext) => {
      const row = byId.get({ programId, rewardId });
      if (!row) return null;
      const update = plan(rewardFromRow(row));
      if (!update) return { reward: ownerRewardFromRow(row), changed: false };
      ledger.append(row, update, context);
      const after = byId.get({ programId, rewardId });
      if (!after) throw new Error('reward vanished inside its own transaction');
      return { reward: ownerRewardFromRow(after), changed: true };
    },
  );

  const approveDue = db.transaction((programId: string | null, context: LedgerContext, limit: number) => {
    let approved = 0;
    for (const row of due.all({ programId, now: context.at, limit })) {
      const update = moveReward(rewardFromRow(row), 'approved', 'hold_period_passed');
      if (!update) continue;
      ledger.append(row, update, context);
      approved += 1;
    }
    return approved;
  });

  return {
    list: (programId: string, filter: RewardFilter, limit: number): OwnerReward[] => {
      const params = { programId, status: filter.status, ambassadorId: filter.ambassadorId, flagged: filter.flagged ? 1 : 0, limit };
      return (filter.ambassadorId === null ? listOfProgram : listOfAmbassador).all(params).map(ownerRewardFromRow);
    },
    change: (programId: string, rewardId: number, plan: (reward: RewardRecord) => RewardUpdate | null, context: LedgerContext) =>
      change.immediate(programId, rewardId, plan, context),
    approveDue: (programId: string | null, context: LedgerContext, limit: number): number =>
      approveDue.immediate(programId, context, limit),
  };
}
