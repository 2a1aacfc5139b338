import type { Database, Statement } from 'better-sqlite3';
import type { AmbassadorSort } from '../../../../shared/src/wire.ts';
import type { AmbassadorListQuery, AmbassadorListRow, ReferralExportRow, RewardExportRow } from '../analytics-store.ts';

type ListParams = { programId: string; like: string | null; limit: number; offset: number };

interface ListRow {
  id: number;
  code: string;
  name: string | null;
  email: string;
  created_at: number;
  tier: string | null;
  blocked_at: number | null;
  clicks: number;
  conversions: number;
  fraud_flags: number;
}

// The same definitions as the ambassador's own summary: counted clicks not their own, attributed
// conversions not refunded in full. A fraud flag is a reward a fraud rule held or rejected.
const CLICKS = '(SELECT count(*) FROM clicks c WHERE c.ambassador_id = a.id AND c.counted = 1 AND c.self = 0)';
const CONVERSIONS = `(SELECT count(*) FROM conversions v WHERE v.program_id = a.program_id AND v.ambassador_id = a.id
  AND v.attributed = 1 AND v.status <> 'refunded')`;
// Currencies are not converted: sorting adds the minor units of all of them, exact for one currency.
const REVENUE = `(SELECT coalesce(sum(v.amount - v.refunded_amount), 0) FROM conversions v
  WHERE v.program_id = a.program_id AND v.ambassador_id = a.id AND v.attributed = 1)`;
const FRAUD_FLAGS = `(SELECT count(*) FROM rewards r WHERE r.ambassador_id = a.id AND r.reasons <> '')`;

/** Sort keys are chosen from this table, never spliced in from a request. */
const SORT_KEYS: Record<AmbassadorSort, string> = {
  createdAt: 'a.created_at',
  name: 'a.name COLLATE NOCASE',
  clicks: CLICKS,
  conversions: CONVERSIONS,
  revenue: REVENUE,
};

const MATCHES = `a.program_id = @programId AND a.erased_at IS NULL
  AND (@like IS NULL OR a.code LIKE @like ESCAPE '\\' OR a.email LIKE @like ESCAPE '\\' OR a.name LIKE @like ESCAPE '\\')`;

/**
 * The owner's ambassadors list: one statement per sort and order. The page is picked first, so a
 * list sorted by date or name counts the figures of its rows only.
 */
export function createAmbassadorList(db: Database) {
  const pages = new Map<string, Statement<ListParams, ListRow>>();
  for (const [sort, key] of Object.entries(SORT_KEYS)) {
    for (const order of ['asc', 'desc'] as const) {
      pages.set(
        `${sort} ${order}`,
        db.prepare<ListParams, ListRow>(
          `WITH page AS (
             SELECT a.id, ${key} AS sort_key FROM ambassadors a WHERE ${MATCHES}
             ORDER BY sort_key ${order}, a.id ${order} LIMIT @limit OFFSET @offset
           )
           SELECT a.id, a.code, a.name, a.email, a.created_at, a.tier, a.blocked_at,
             ${CLICKS} AS clicks, ${CONVERSIONS} AS conversions, ${FRAUD_FLAGS} AS fraud_flags
           FROM page JOIN ambassadors a ON a.id = page.id ORDER BY page.sort_key ${order}, a.id ${order}`,
        ),
      );
    }
  }
  const sql = {
    total: db.prepare<Omit<ListParams, 'limit' | 'offset'>, number>(`SELECT count(*) FROM ambassadors a WHERE ${MATCHES}`).pluck(),
    one: db.prepare<{ id: number }, ListRow>(
      `SELECT a.id, a.code, a.name, a.email, a.created_at, a.tier, a.blocked_at,
         ${CLICKS} AS clicks, ${CONVERSIONS} AS conversions, ${FRAUD_FLAGS} AS fraud_flags
       FROM ambassadors a WHERE a.id = @id`,
    ),
    revenue: db.prepare<{ ids: string }, { ambassador_id: number; currency: string; amount: number }>(
      `SELECT ambassador_id, currency, sum(amount - refunded_amount) AS amount FROM conversions
       WHERE ambassador_id IN (SELECT value FROM json_each(@ids)) AND attributed = 1
       GROUP BY ambassador_id, currency ORDER BY ambassador_id, currency`,
    ),
    block: db.prepare<{ id: number; at: number; note: string | null }>(
      'UPDATE ambassadors SET blocked_at = coalesce(blocked_at, @at), blocked_note = @note WHERE id = @id',
    ),
    unblock: db.prepare<{ id: number }>('UPDATE ambassadors SET blocked_at = NULL, blocked_note = NULL WHERE id = @id'),
    referrals: db.prepare<{ programId: string }, ReferralExportRow>(
      `SELECT a.code AS ambassadorCode, c.order_id AS orderId, c.amount, c.refunded_amount AS refundedAmount,
         c.currency, c.attributed_via AS via, c.created_at AS createdAt
       FROM conversions c JOIN ambassadors a ON a.id = c.ambassador_id
       WHERE c.program_id = @programId AND c.attributed = 1 ORDER BY c.created_at, c.id`,
    ),
    rewards: db.prepare<{ programId: string }, RewardExportRow>(
      `SELECT r.id, a.code AS ambassadorCode, c.order_id AS orderId, r.kind, r.purpose, r.amount,
         r.original_amount AS originalAmount, r.currency, r.status, r.reasons, r.created_at AS createdAt
       FROM rewards r JOIN ambassadors a ON a.id = r.ambassador_id JOIN conversions c ON c.id = r.conversion_id
       WHERE r.program_id = @programId ORDER BY r.created_at, r.id`,
    ),
  };

  const withRevenue = (rows: ListRow[]): AmbassadorListRow[] => {
    const revenue = new Map<number, Array<{ amount: number; currency: string }>>();
    if (rows.length > 0) {
      for (const row of sql.revenue.all({ ids: JSON.stringify(rows.map((r) => r.id)) })) {
        const list = revenue.get(row.ambassador_id) ?? [];
        list.push({ amount: row.amount, currency: row.currency });
        revenue.set(row.ambassador_id, list);
      }
    }
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      email: row.email,
      createdAt: row.created_at,
      clicks: row.clicks,
      conversions: row.conversions,
      revenue: revenue.get(row.id) ?? [],
      tier: row.tier,
      blockedAt: row.blocked_at,
      fraudFlags: row.fraud_flags,
    }));
  };

  return {
    list: db.transaction((programId: string, query: AmbassadorListQuery) => {
      const like = query.q === null ? null : `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const page = pages.get(`${query.sort} ${query.order}`);
      if (!page) throw new Error(`no statement for sort ${query.sort} ${query.order}`);
      return {
        items: withRevenue(page.all({ programId, like, limit: query.limit, offset: query.offset })),
        total: sql.total.get({ programId, like }) ?? 0,
      };
    }),
    one: db.transaction((id: number): AmbassadorListRow | null => {
      const row = sql.one.get({ id });
      return row ? (withRevenue([row])[0] ?? null) : null;
    }),
    setBlocked(id: number, blocked: { at: number; note: string | null } | null): void {
      if (blocked) sql.block.run({ id, ...blocked });
      else sql.unblock.run({ id });
    },
    referrals: (programId: string) => sql.referrals.all({ programId }),
    rewards: (programId: string) => sql.rewards.all({ programId }),
  };
}
