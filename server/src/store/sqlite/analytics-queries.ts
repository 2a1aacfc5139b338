import type { Database, Statement } from 'better-sqlite3';
import type { AnalyticsFacts, NewWidgetEvent } from '../analytics-store.ts';
import { COUNTED_CLICK, CUSTOMER, IN_RANGE, type ProgramRange } from './rollup-sources.ts';
import type { RollupWrites } from './rollup-writes.ts';

/**
 * The owner's statistics that read the raw events, one statement per figure. Each reads a range of
 * one program through an index whose first columns are the program and the time. The counts and
 * sums come from the daily roll-ups instead (analytics-figures.ts), and so do the distinct counts
 * of a period too big for these statements to count exactly.
 */
export function createAnalyticsQueries(db: Database, rollups: RollupWrites) {
  const count = (sql: string) => db.prepare<ProgramRange, number>(sql).pluck();
  const queries = {
    shownVisitors: count(`SELECT count(DISTINCT visitor_id) FROM widget_events WHERE ${IN_RANGE} AND type = 'widget_shown'`),
    openedVisitors: count(`SELECT count(DISTINCT visitor_id) FROM widget_events WHERE ${IN_RANGE} AND type = 'panel_opened'`),
    sharing: db.prepare<ProgramRange, { shares: number; ambassadors: number }>(
      `SELECT count(*) AS shares, count(DISTINCT ambassador_id) AS ambassadors FROM widget_events
       WHERE ${IN_RANGE} AND type = 'share' AND ambassador_id IS NOT NULL`,
    ),
    // Bindings are per ambassador: a customer bound to two ambassadors identified once.
    identified: count(
      `SELECT count(DISTINCT coalesce(email_normalised, '') || char(31) || coalesce(customer_id, ''))
       FROM referral_bindings WHERE ${IN_RANGE}`,
    ),
    rewards: count(`SELECT count(*) FROM rewards WHERE ${IN_RANGE} AND purpose = 'conversion'`),
    // First referred purchase of every ambassador (ever), kept when it falls in the period.
    cycleTimes: db
      .prepare<ProgramRange, number>(
        `SELECT first.at - a.created_at FROM (
           SELECT ambassador_id, min(created_at) AS at FROM conversions
           WHERE program_id = @programId AND attributed = 1 GROUP BY ambassador_id
         ) AS first JOIN ambassadors a ON a.id = first.ambassador_id
         WHERE first.at >= @from AND first.at < @to ORDER BY 1`,
      )
      .pluck(),
    participatingAmbassadors: count(
      `SELECT count(*) FROM (
         SELECT id FROM ambassadors WHERE ${IN_RANGE}
         UNION
         SELECT ambassador_id FROM widget_events WHERE ${IN_RANGE} AND type = 'share' AND ambassador_id IS NOT NULL
       )`,
    ),
    // Visitors from the covering click index; buyers from the period's referred conversions (few),
    // each checked for a counted click of that browser in the period. The `+`s keep the planner
    // on the index by browser: ranging over the program's clicks for every buyer took seconds.
    referredVisitors: count(
      `SELECT count(DISTINCT visitor_id) FROM clicks WHERE ${IN_RANGE} AND ${COUNTED_CLICK} AND visitor_id IS NOT NULL`,
    ),
    referredVisitorsPurchased: count(
      `SELECT count(DISTINCT c.visitor_id) FROM conversions c
       WHERE c.program_id = @programId AND c.created_at >= @from AND c.created_at < @to AND c.attributed = 1
         AND c.visitor_id IS NOT NULL AND EXISTS (
           SELECT 1 FROM clicks k WHERE +k.program_id = @programId AND k.visitor_id = c.visitor_id
             AND +k.created_at >= @from AND +k.created_at < @to AND k.counted = 1 AND k.self = 0
         )`,
    ),
    orderValues: db.prepare<ProgramRange, AnalyticsFacts['orderValues'][number]>(
      `SELECT currency, 'all' AS scope, count(DISTINCT ${CUSTOMER}) AS customers, count(*) AS orders,
         sum(amount - refunded_amount) AS revenue
       FROM conversions WHERE ${IN_RANGE} GROUP BY currency
       UNION ALL
       SELECT currency, 'referred' AS scope, count(DISTINCT ${CUSTOMER}) AS customers, count(*) AS orders,
         sum(amount - refunded_amount) AS revenue
       FROM conversions WHERE ${IN_RANGE} AND attributed = 1 GROUP BY currency
       ORDER BY currency, scope`,
    ),
    // The top 20% is rounded up, so one ambassador of five (or of three) is the top.
    topAmbassadors: db.prepare<ProgramRange, AnalyticsFacts['topAmbassadors'][number]>(
      `WITH per AS (
         SELECT currency, ambassador_id, sum(amount - refunded_amount) AS revenue FROM conversions
         WHERE ${IN_RANGE} AND attributed = 1 GROUP BY currency, ambassador_id
       ), ranked AS (
         SELECT currency, revenue, row_number() OVER (PARTITION BY currency ORDER BY revenue DESC) AS rank,
           count(*) OVER (PARTITION BY currency) AS n FROM per
       )
       SELECT currency, n AS ambassadors, (n + 4) / 5 AS topCount, sum(revenue) AS revenue,
         sum(CASE WHEN rank <= (n + 4) / 5 THEN revenue ELSE 0 END) AS topRevenue
       FROM ranked GROUP BY currency ORDER BY currency`,
    ),
  } satisfies Record<string, Statement<ProgramRange>>;

  const insertEvent = db.prepare<NewWidgetEvent>(
    `INSERT INTO widget_events (program_id, type, placement, channel, visitor_id, ambassador_id, created_at)
     VALUES (@programId, @type, @placement, @channel, @visitorId, @ambassadorId, @createdAt)`,
  );

  return {
    queries,
    /** Appends the events and counts them in the roll-ups, in one transaction. */
    recordWidgetEvents: db.transaction((events: NewWidgetEvent[]) => {
      const batch = rollups.batch();
      for (const event of events) {
        insertEvent.run(event);
        batch.widgetEvent(event);
      }
      batch.flush();
    }),
  };
}
