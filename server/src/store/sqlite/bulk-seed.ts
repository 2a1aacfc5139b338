import type { Database } from 'better-sqlite3';

/** Rows as the tables hold them (snake_case columns), for `npm run seed:big` only. */
export interface BulkRows {
  ambassadors: Array<{ id: number; program_id: string; code: string; email: string; name: string | null; created_at: number }>;
  clicks: Array<{
    id: string;
    program_id: string;
    ambassador_id: number;
    visitor_id: string | null;
    source: 'link' | 'widget';
    counted: 0 | 1;
    self: 0 | 1;
    qr: 0 | 1;
    browser: string | null;
    os: string | null;
    device_type: string | null;
    created_at: number;
  }>;
  widgetEvents: Array<{
    program_id: string;
    type: string;
    placement: string | null;
    channel: string | null;
    visitor_id: string;
    ambassador_id: number | null;
    created_at: number;
  }>;
  conversions: Array<{
    id: number;
    program_id: string;
    order_id: string;
    amount: number;
    currency: string;
    refunded_amount: number;
    status: 'paid' | 'partially_refunded' | 'refunded';
    customer_email: string;
    visitor_id: string | null;
    coupon_code: string | null;
    attributed: 0 | 1;
    attributed_via: string | null;
    ambassador_id: number | null;
    click_id: string | null;
    reason: string | null;
    created_at: number;
  }>;
  rewards: Array<{
    program_id: string;
    ambassador_id: number;
    conversion_id: number;
    amount: number;
    currency: string;
    status: string;
    reasons: string;
    created_at: number;
  }>;
  bindings: Array<{ program_id: string; ambassador_id: number; email_normalised: string; click_id: string | null; referred_at: number; created_at: number }>;
}

/**
 * Bulk inserts for the big benchmark database: prepared statements, one transaction per call, no
 * fsync per commit (the file is a throwaway that the seed rebuilds). Not used by the server. The
 * analytics roll-ups are not kept up to date here: rebuild them once at the end (`rebuildRollups`).
 */
export function createBulkSeed(db: Database) {
  db.pragma('synchronous = OFF');
  const sql = {
    ambassador: db.prepare(
      `INSERT INTO ambassadors (id, program_id, code, email, email_normalised, name, created_at)
       VALUES (@id, @program_id, @code, @email, @email, @name, @created_at)`,
    ),
    click: db.prepare(
      `INSERT INTO clicks (id, program_id, ambassador_id, visitor_id, source, counted, self, qr, browser, os, device_type, created_at)
       VALUES (@id, @program_id, @ambassador_id, @visitor_id, @source, @counted, @self, @qr, @browser, @os, @device_type, @created_at)`,
    ),
    widgetEvent: db.prepare(
      `INSERT INTO widget_events (program_id, type, placement, channel, visitor_id, ambassador_id, created_at)
       VALUES (@program_id, @type, @placement, @channel, @visitor_id, @ambassador_id, @created_at)`,
    ),
    conversion: db.prepare(
      `INSERT INTO conversions (id, program_id, order_id, amount, currency, refunded_amount, status, customer_email,
         customer_email_normalised, visitor_id, coupon_code, attributed, attributed_via, ambassador_id, click_id, reason,
         rules_version, created_at)
       VALUES (@id, @program_id, @order_id, @amount, @currency, @refunded_amount, @status, @customer_email,
         @customer_email, @visitor_id, @coupon_code, @attributed, @attributed_via, @ambassador_id, @click_id, @reason,
         1, @created_at)`,
    ),
    reward: db.prepare(
      `INSERT INTO rewards (program_id, ambassador_id, conversion_id, kind, original_amount, amount, currency, status,
         reasons, created_at, updated_at)
       VALUES (@program_id, @ambassador_id, @conversion_id, 'store_credit', @amount, @amount, @currency, @status,
         @reasons, @created_at, @created_at)`,
    ),
    // One entry that explains where the reward stands, so that balances add up.
    ledger: db.prepare(
      `INSERT INTO ledger_entries (program_id, ambassador_id, reward_id, currency, amount, from_bucket, to_bucket, reason, actor, created_at)
       VALUES (@program_id, @ambassador_id, @reward_id, @currency, @amount, 'earned', @status, 'seed', 'system', @created_at)`,
    ),
    binding: db.prepare(
      `INSERT OR IGNORE INTO referral_bindings (program_id, ambassador_id, email_normalised, click_id, referred_at, created_at)
       VALUES (@program_id, @ambassador_id, @email_normalised, @click_id, @referred_at, @created_at)`,
    ),
  };
  return db.transaction((rows: Partial<BulkRows>) => {
    for (const row of rows.ambassadors ?? []) sql.ambassador.run(row);
    for (const row of rows.clicks ?? []) sql.click.run(row);
    for (const row of rows.widgetEvents ?? []) sql.widgetEvent.run(row);
    for (const row of rows.conversions ?? []) sql.conversion.run(row);
    for (const row of rows.rewards ?? []) {
      const rewardId = Number(sql.reward.run(row).lastInsertRowid);
      sql.ledger.run({ ...row, reward_id: rewardId });
    }
    for (const row of rows.bindings ?? []) sql.binding.run(row);
  });
}
