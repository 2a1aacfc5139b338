import type { Database } from 'better-sqlite3';
import type { RewardRules } from '../../../../shared/src/reward-rules/rules.ts';
import type { ReferralStanding, RulesVersionRecord } from '../records.ts';
import type { RulesMirror, StandingQuery } from '../store.ts';
import { rulesFromRow, type RulesRow } from './row-mapping.ts';

/** Versions of a program's reward rules, the ambassador's reward choices, and their standing. */
export function createRewardRules(db: Database) {
  const latest = db.prepare<{ programId: string }, RulesRow>(
    'SELECT * FROM program_rules WHERE program_id = @programId ORDER BY version DESC LIMIT 1',
  );
  const byVersion = db.prepare<{ programId: string; version: number }, RulesRow>(
    'SELECT * FROM program_rules WHERE program_id = @programId AND version = @version',
  );
  const versions = db.prepare<{ programId: string }, { version: number; created_at: number }>(
    'SELECT version, created_at FROM program_rules WHERE program_id = @programId ORDER BY version',
  );
  const insert = db.prepare(
    `INSERT INTO program_rules (program_id, version, rules, created_at)
     SELECT @programId, COALESCE(MAX(version), 0) + 1, @rules, @at FROM program_rules WHERE program_id = @programId`,
  );
  // The program's columns mirror the rules in force, for what shows the offer (coupons, link
  // previews, the widget) and for attribution's recurring months.
  const mirror = db.prepare(
    `UPDATE programs SET reward_basis_points = @rewardBasisPoints, friend_discount_percent = @friendDiscountPercent,
       recurring_months = @recurringMonths WHERE id = @programId`,
  );
  const setTier = db.prepare('UPDATE ambassadors SET tier = @tier WHERE id = @ambassadorId');
  const setShare = db.prepare('UPDATE ambassadors SET friend_share_percent = @friendSharePercent WHERE id = @ambassadorId');
  const successful = db
    .prepare<{ ambassadorId: number }, number>(
      `SELECT count(*) FROM conversions WHERE ambassador_id = @ambassadorId AND attributed = 1
         AND attributed_via IS NOT 'repeat' AND status <> 'refunded' AND order_status <> 'canceled'`,
    )
    .pluck();
  const earnedByAmbassador = db
    .prepare<{ ambassadorId: number; unit: string; from: number; to: number }, number>(
      `SELECT COALESCE(SUM(amount), 0) FROM rewards WHERE ambassador_id = @ambassadorId AND currency = @unit
         AND created_at >= @from AND created_at < @to`,
    )
    .pluck();
  const earnedByProgram = db
    .prepare<{ programId: string; unit: string }, number>(
      'SELECT COALESCE(SUM(amount), 0) FROM rewards WHERE program_id = @programId AND currency = @unit',
    )
    .pluck();
  const milestones = db
    .prepare<{ ambassadorId: number }, number>(
      `SELECT DISTINCT milestone FROM rewards WHERE ambassador_id = @ambassadorId AND purpose = 'milestone'
         AND amount > 0 ORDER BY milestone`,
    )
    .pluck();

  const save = db.transaction((programId: string, rules: RewardRules, programMirror: RulesMirror, at: number) => {
    insert.run({ programId, rules: JSON.stringify(rules), at });
    mirror.run({ programId, ...programMirror });
    const row = latest.get({ programId });
    if (!row) throw new Error('rules version vanished inside its own transaction');
    return rulesFromRow(row);
  });

  return {
    save: (programId: string, rules: RewardRules, programMirror: RulesMirror, at: number): RulesVersionRecord =>
      save.immediate(programId, rules, programMirror, at),
    current(programId: string): RulesVersionRecord | null {
      const row = latest.get({ programId });
      return row ? rulesFromRow(row) : null;
    },
    version(programId: string, version: number): RulesVersionRecord | null {
      const row = byVersion.get({ programId, version });
      return row ? rulesFromRow(row) : null;
    },
    versions: (programId: string) => versions.all({ programId }).map((row) => ({ version: row.version, createdAt: row.created_at })),
    setChoices(ambassadorId: number, choices: { tier?: string | null; friendSharePercent?: number | null }): void {
      db.transaction(() => {
        if (choices.tier !== undefined) setTier.run({ ambassadorId, tier: choices.tier });
        if (choices.friendSharePercent !== undefined) setShare.run({ ambassadorId, friendSharePercent: choices.friendSharePercent });
      }).immediate();
    },
    standing(query: StandingQuery): ReferralStanding {
      return {
        successfulReferrals: successful.get({ ambassadorId: query.ambassadorId }) ?? 0,
        earnedThisMonth: earnedByAmbassador.get({ ambassadorId: query.ambassadorId, unit: query.unit, from: query.monthStart, to: query.monthEnd }) ?? 0,
        earnedByProgram: earnedByProgram.get({ programId: query.programId, unit: query.unit }) ?? 0,
        milestonesAwarded: milestones.all({ ambassadorId: query.ambassadorId }),
      };
    },
  };
}
