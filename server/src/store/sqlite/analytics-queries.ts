import type { Database, Statement } from 'better-sqlite3';
import type { AnalyticsFacts, NewWidgetEvent, TimeRange } from '../analytics-store.ts';

/** Named parameters of every statistic: one program over `[from, to)`. */
type ProgramRange = { programId: string } & TimeRange;

/** SQLite divides integers as integers: this is the UTC day number of an epoch-ms time. */
const DAY = 'created_at / 86400000';
const IN_RANGE = 'program_id = @programId AND created_at >= @from AND created_at < @to';
const COUNTED_CLICK = 'counted = 1 AND self = 0';
/** A customer is the email, else the customer id, of the order; an anonymous order is its own. */
const CUSTOMER = `coalesce(customer_email_normalised, 'id:' || customer_id, 'order:' || order_id)`;

/**
 * The owner's statistics, one statement per figure (the benchmark times each by name). Each reads
 * a range of one program through an index whose first columns are the program and the time.
 */
export function createAnalyticsQueries(db: Database) {
  const count = (sql: string) => db.prepare<ProgramRange, number>(sql).pluck();
  const queries = {
    shownVisitors: count(`SELECT count(DISTINCT visitor_id) FROM widget_events WHERE ${IN_RANGE} AND type = 'widget_shown'`),
    openedVisitors: count(`SELECT count(DISTINCT visitor_id) FROM widget_events WHERE ${IN_RANGE} AND type = 'panel_opened'`),
    sharesByChannel: db.prepare<ProgramRange, { channel: string; shares: number }>(
      `SELECT channel, count(*) AS shares FROM widget_events WHERE ${IN_RANGE} AND type = 'share'
       GROUP BY channel ORDER BY shares DESC, channel`,
    ),
    sharing: db.prepare<ProgramRange, { shares: number; ambassadors: number }>(
      `SELECT count(*) AS shares, count(DISTINCT ambassador_id) AS ambassadors FROM widget_events
       WHERE ${IN_RANGE} AND type = 'share' AND ambassador_id IS NOT NULL`,
    ),
    couponPurchases: count(
      `SELECT count(*) FROM conversions WHERE ${IN_RANGE} AND attributed = 1 AND attributed_via = 'coupon' AND click_id IS NULL`,
    ),
    // Bindings are per ambassador: a customer bound to two ambassadors identified once.
    identified: count(
      `SELECT count(DISTINCT coalesce(email_normalised, '') || char(31) || coalesce(customer_id, ''))
       FROM referral_bindings WHERE ${IN_RANGE}`,
    ),
    rewards: count(`SELECT count(*) FROM rewards WHERE ${IN_RANGE} AND purpose = 'conversion'`),
    dailyClicks: db.prepare<ProgramRange, { day: number; clicks: number }>(
      `SELECT day, sum(n) AS clicks FROM (
         SELECT ${DAY} AS day, count(*) AS n FROM clicks WHERE ${IN_RANGE} AND ${COUNTED_CLICK} GROUP BY day
         UNION ALL
         SELECT ${DAY} AS day, count(*) AS n FROM conversions
         WHERE ${IN_RANGE} AND attributed = 1 AND attributed_via = 'coupon' AND click_id IS NULL GROUP BY day
       ) GROUP BY day ORDER BY day`,
    ),
    dailyPurchases: db.prepare<ProgramRange, { day: number; currency: string; purchases: number; revenue: number }>(
      `SELECT ${DAY} AS day, currency, count(*) AS purchases, sum(amount - refunded_amount) AS revenue
       FROM conversions WHERE ${IN_RANGE} AND attributed = 1 GROUP BY day, currency ORDER BY day, currency`,
    ),
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
    referredVisitors: db.prepare<ProgramRange, { visitors: number; purchased: number | null }>(
      `WITH referred AS (
         SELECT DISTINCT visitor_id FROM clicks WHERE ${IN_RANGE} AND ${COUNTED_CLICK} AND visitor_id IS NOT NULL
       )
       SELECT count(*) AS visitors, sum(EXISTS (
         SELECT 1 FROM conversions c WHERE c.program_id = @programId AND c.visitor_id = referred.visitor_id
           AND c.attributed = 1 AND c.created_at >= @from AND c.created_at < @to
       )) AS purchased FROM referred`,
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
    recordWidgetEvents: db.transaction((events: NewWidgetEvent[]) => {
      for (const event of events) insertEvent.run(event);
    }),
    /** Everything but the click breakdown, which the store already summarises. */
    facts(params: ProgramRange): Omit<AnalyticsFacts, 'clicks' | 'qrClicks' | 'devices'> {
      const sharing = queries.sharing.get(params);
      const referred = queries.referredVisitors.get(params);
      const daily = queries.dailyPurchases.all(params);
      const sharesByChannel = queries.sharesByChannel.all(params);
      return {
        shownVisitors: queries.shownVisitors.get(params) ?? 0,
        openedVisitors: queries.openedVisitors.get(params) ?? 0,
        sharesByChannel,
        shares: sharesByChannel.reduce((sum, row) => sum + row.shares, 0),
        attributedShares: sharing?.shares ?? 0,
        sharingAmbassadors: sharing?.ambassadors ?? 0,
        couponPurchases: queries.couponPurchases.get(params) ?? 0,
        identified: queries.identified.get(params) ?? 0,
        purchases: daily.reduce((sum, row) => sum + row.purchases, 0),
        rewards: queries.rewards.get(params) ?? 0,
        dailyClicks: queries.dailyClicks.all(params),
        dailyPurchases: daily,
        cycleTimesMs: queries.cycleTimes.all(params),
        participatingAmbassadors: queries.participatingAmbassadors.get(params) ?? 0,
        referredVisitors: referred?.visitors ?? 0,
        referredVisitorsPurchased: referred?.purchased ?? 0,
        orderValues: queries.orderValues.all(params),
        topAmbassadors: queries.topAmbassadors.all(params),
      };
    },
  };
}
