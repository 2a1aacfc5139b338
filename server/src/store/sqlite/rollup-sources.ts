import type { Database, Statement } from 'better-sqlite3';
import { WIDGET_EVENT_TYPES } from '../../../../shared/src/wire.ts';

/**
 * The roll-ups computed from the raw event tables over `[from, to)`, in the roll-up tables' own
 * shape. One definition serves the rebuild (every day), the reads (the partial days at either
 * end of a period) and the repairs after an update: the roll-ups cannot drift from the raw data.
 */

export const DAY_MS = 86_400_000;

/** Named parameters: one program over `[from, to)` (epoch ms). */
export type ProgramRange = { programId: string; from: number; to: number };

/** SQLite divides integers as integers: this is the UTC day number of an epoch-ms time. */
export const DAY = 'created_at / 86400000';
export const IN_RANGE = 'program_id = @programId AND created_at >= @from AND created_at < @to';
export const COUNTED_CLICK = 'counted = 1 AND self = 0';
/** A customer is the email, else the customer id, of the order; an anonymous order is its own. */
export const CUSTOMER = `coalesce(customer_email_normalised, 'id:' || customer_id, 'order:' || order_id)`;
export const customerKey = (row: { customerEmailNormalised: string | null; customerId: string | null; orderId: string }): string =>
  row.customerEmailNormalised ?? (row.customerId !== null ? `id:${row.customerId}` : `order:${row.orderId}`);
/** Attributed through a typed coupon with no click behind it: the funnel counts it as a click. */
export const COUPON_ONLY = `attributed = 1 AND attributed_via IS 'coupon' AND click_id IS NULL`;

export interface ClickRollupRow {
  day: number;
  device_type: string;
  browser: string;
  os: string;
  clicks: number;
  qr: number;
}
export interface EventRollupRow {
  day: number;
  type: string;
  channel: string;
  events: number;
}
export interface ConversionRollupRow {
  day: number;
  currency: string;
  attributed: number;
  coupon_only: number;
  orders: number;
  revenue: number;
}

/**
 * The distinct counts kept as sketches, and what each counts. `purchased` differs from the exact
 * query on purpose: see `referredVisitorsPurchased` in analytics-figures.ts.
 */
export const SKETCH_METRICS = ['shown', 'opened', 'referred', 'purchased', 'customers', 'referred_customers'] as const;
export type SketchMetric = (typeof SKETCH_METRICS)[number];
export interface SketchIdRow {
  day: number;
  scope: string;
  id: string;
}

export function createRollupSources(db: Database) {
  const ids = (sql: string) => db.prepare<ProgramRange, SketchIdRow>(sql);
  return {
    clicks: db.prepare<ProgramRange, ClickRollupRow>(
      `SELECT ${DAY} AS day, coalesce(device_type, '') AS device_type, coalesce(browser, '') AS browser,
         coalesce(os, '') AS os, count(*) AS clicks, sum(qr) AS qr
       FROM clicks WHERE ${IN_RANGE} AND ${COUNTED_CLICK} GROUP BY 1, 2, 3, 4`,
    ),
    // Every type named, so that the index by program, type and time ranges over the period.
    widgetEvents: db.prepare<ProgramRange, EventRollupRow>(
      `SELECT ${DAY} AS day, type, coalesce(channel, '') AS channel, count(*) AS events
       FROM widget_events WHERE ${IN_RANGE} AND type IN (${WIDGET_EVENT_TYPES.map((type) => `'${type}'`).join(', ')})
       GROUP BY 1, 2, 3`,
    ),
    conversions: db.prepare<ProgramRange, ConversionRollupRow>(
      `SELECT ${DAY} AS day, currency, attributed, (${COUPON_ONLY}) AS coupon_only, count(*) AS orders,
         sum(amount - refunded_amount) AS revenue
       FROM conversions WHERE ${IN_RANGE} GROUP BY 1, 2, 3, 4`,
    ),
    sketchIds: {
      shown: ids(`SELECT ${DAY} AS day, '' AS scope, visitor_id AS id FROM widget_events WHERE ${IN_RANGE} AND type = 'widget_shown'`),
      opened: ids(`SELECT ${DAY} AS day, '' AS scope, visitor_id AS id FROM widget_events WHERE ${IN_RANGE} AND type = 'panel_opened'`),
      referred: ids(
        `SELECT ${DAY} AS day, '' AS scope, visitor_id AS id FROM clicks WHERE ${IN_RANGE} AND ${COUNTED_CLICK} AND visitor_id IS NOT NULL`,
      ),
      purchased: ids(
        `SELECT ${DAY} AS day, '' AS scope, visitor_id AS id FROM conversions
         WHERE ${IN_RANGE} AND attributed = 1 AND click_id IS NOT NULL AND visitor_id IS NOT NULL`,
      ),
      customers: ids(`SELECT ${DAY} AS day, currency AS scope, ${CUSTOMER} AS id FROM conversions WHERE ${IN_RANGE}`),
      referred_customers: ids(`SELECT ${DAY} AS day, currency AS scope, ${CUSTOMER} AS id FROM conversions WHERE ${IN_RANGE} AND attributed = 1`),
    } satisfies Record<SketchMetric, Statement<ProgramRange, SketchIdRow>>,
  };
}

export type RollupSources = ReturnType<typeof createRollupSources>;
