import type { Database } from 'better-sqlite3';
import type { WidgetSettings } from '../../../../shared/src/wire.ts';
import type { AmbassadorRecord, RewardRecord } from '../records.ts';
import type { LedgerContext, RewardUpdate } from '../store.ts';
import type { Ledger } from './ledger.ts';
import { ambassadorFromRow, rewardFromRow, type AmbassadorRow, type RewardRow } from './row-mapping.ts';

/** The owner's widget settings, join tokens, confirming ambassadors who joined by email, and the leaderboard. */
export function createWidgetStore(db: Database, ledger: Ledger) {
  const settingsOf = db
    .prepare<{ programId: string }, string>('SELECT settings FROM widget_settings WHERE program_id = @programId')
    .pluck();
  const upsertSettings = db.prepare(
    `INSERT INTO widget_settings (program_id, settings, updated_at) VALUES (@programId, @settings, @at)
     ON CONFLICT (program_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
  );
  const insertToken = db.prepare(
    'INSERT INTO ambassador_join_tokens (token_hash, ambassador_id, created_at) VALUES (@tokenHash, @ambassadorId, @at)',
  );
  // An erased ambassador's token leads nowhere, like their code.
  const ambassadorByToken = db.prepare<{ programId: string; tokenHash: string }, AmbassadorRow>(
    `SELECT a.* FROM ambassador_join_tokens t JOIN ambassadors a ON a.id = t.ambassador_id
     WHERE t.token_hash = @tokenHash AND a.program_id = @programId AND a.erased_at IS NULL`,
  );
  const ambassadorByEmail = db.prepare<{ programId: string; emailNormalised: string }, AmbassadorRow>(
    'SELECT * FROM ambassadors WHERE program_id = @programId AND email_normalised = @emailNormalised AND erased_at IS NULL',
  );
  const setConfirmed = db.prepare<{ ambassadorId: number }>('UPDATE ambassadors SET confirmed = 1 WHERE id = @ambassadorId AND confirmed = 0');
  const heldRewards = db.prepare<{ ambassadorId: number }, RewardRow>(
    "SELECT * FROM rewards WHERE ambassador_id = @ambassadorId AND status = 'held' ORDER BY id",
  );
  const successful = db
    .prepare<{ ambassadorId: number }, number>(
      `SELECT count(*) FROM conversions WHERE ambassador_id = @ambassadorId AND attributed = 1
         AND attributed_via IS NOT 'repeat' AND status <> 'refunded' AND order_status <> 'canceled'`,
    )
    .pluck();
  // Successful referrals as in the reward maths; ties go to whoever joined first.
  const top = db.prepare<{ programId: string; limit: number }, AmbassadorRow & { referrals: number }>(
    `SELECT a.*, count(*) AS referrals FROM conversions c JOIN ambassadors a ON a.id = c.ambassador_id
     WHERE c.program_id = @programId AND c.attributed = 1 AND c.attributed_via IS NOT 'repeat'
       AND c.status <> 'refunded' AND c.order_status <> 'canceled' AND a.erased_at IS NULL
     GROUP BY a.id ORDER BY referrals DESC, a.created_at, a.id LIMIT @limit`,
  );

  const confirm = db.transaction((ambassadorId: number, plan: (reward: RewardRecord) => RewardUpdate | null, context: LedgerContext) => {
    const changed = setConfirmed.run({ ambassadorId }).changes;
    let released = 0;
    for (const row of heldRewards.all({ ambassadorId })) {
      const update = plan(rewardFromRow(row));
      if (!update) continue;
      ledger.append(row, update, context);
      released += 1;
    }
    return { changed: changed === 1, released };
  });

  return {
    settings(programId: string): WidgetSettings | null {
      const json = settingsOf.get({ programId });
      return json === undefined ? null : (JSON.parse(json) as WidgetSettings);
    },
    saveSettings(programId: string, settings: WidgetSettings, at: number): void {
      upsertSettings.run({ programId, settings: JSON.stringify(settings), at });
    },
    /** Call inside the transaction that created the ambassador. */
    insertToken(tokenHash: string, ambassadorId: number, at: number): void {
      insertToken.run({ tokenHash, ambassadorId, at });
    },
    byToken(programId: string, tokenHash: string): AmbassadorRecord | null {
      const row = ambassadorByToken.get({ programId, tokenHash });
      return row ? ambassadorFromRow(row) : null;
    },
    byEmail(programId: string, emailNormalised: string): AmbassadorRecord | null {
      const row = ambassadorByEmail.get({ programId, emailNormalised });
      return row ? ambassadorFromRow(row) : null;
    },
    confirm: (ambassadorId: number, plan: (reward: RewardRecord) => RewardUpdate | null, context: LedgerContext) =>
      confirm.immediate(ambassadorId, plan, context),
    successfulReferrals: (ambassadorId: number): number => successful.get({ ambassadorId }) ?? 0,
    leaderboard: (programId: string, limit: number): Array<{ ambassador: AmbassadorRecord; referrals: number }> =>
      top.all({ programId, limit }).map((row) => ({ ambassador: ambassadorFromRow(row), referrals: row.referrals })),
  };
}
