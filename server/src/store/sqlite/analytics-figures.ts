import type { AnalyticsFacts, EstimatedFact } from '../analytics-store.ts';
import type { ClickBreakdown } from '../records.ts';
import type { createAnalyticsQueries } from './analytics-queries.ts';
import type { RollupPeriod, RollupReads } from './rollup-reads.ts';
import type { ProgramRange, SketchMetric } from './rollup-sources.ts';

/**
 * A distinct count is exact while the statement that counts it reads at most this many rows
 * (weighted by `ROW_COST`), estimated from the daily sketches above. On a 2-core machine
 * (`npm run bench:analytics`) a row costs about 1 µs, so an exact count stays near 100 ms, and the
 * benchmark program's last 30 days are exact.
 */
export const EXACT_ROW_LIMIT = 100_000;
/**
 * What a row of each exact count costs next to one of `referredVisitors`, measured at the limit on
 * `npm run seed:big`: widget events are read in a longer index, customers counted twice (all and
 * referred), and each referred buyer is looked up in the clicks table.
 */
const ROW_COST: Record<EstimatedFact, number> = {
  shownVisitors: 1.5,
  openedVisitors: 1.5,
  referredVisitors: 1,
  referredVisitorsPurchased: 10,
  customers: 3,
};

type Queries = ReturnType<typeof createAnalyticsQueries>['queries'];
type Distinct = { value: number; estimated: boolean };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sum = <Row>(rows: Row[], value: (row: Row) => number) => rows.reduce((total, row) => total + value(row), 0);

/** Totals per key, biggest first, ties by key (unknown, '', first): the order the owner reads. */
function tally(entries: Array<[string, number]>): Array<[string, number]> {
  const totals = new Map<string, number>();
  for (const [key, value] of entries) totals.set(key, (totals.get(key) ?? 0) + value);
  return [...totals].sort(([a, x], [b, y]) => y - x || byText(a, b));
}

/**
 * Every figure of the overview by name (the benchmark times each), computed from a period's
 * roll-ups: sums over whole days plus the raw rows of partial ones. Distinct counts are exact up
 * to `exactRowLimit` rows read, estimated from the merged daily sketches above it.
 */
export function createAnalyticsFigures(queries: Queries, reads: RollupReads, options: { exactRowLimit?: number } = {}) {
  const limit = options.exactRowLimit ?? EXACT_ROW_LIMIT;

  const isSmall = (fact: EstimatedFact, rows: number) => rows * ROW_COST[fact] <= limit;
  function distinct(period: RollupPeriod, fact: EstimatedFact, rows: number, exact: () => number, metric: SketchMetric): Distinct {
    if (isSmall(fact, rows)) return { value: exact(), estimated: false };
    return { value: period.distinct(metric).get('') ?? 0, estimated: true };
  }
  const events = (period: RollupPeriod, type: string) =>
    sum(period.widgetEvents.filter((row) => row.type === type), (row) => row.events);

  const figures = {
    shownVisitors: (period: RollupPeriod) =>
      distinct(period, 'shownVisitors', events(period, 'widget_shown'), () => queries.shownVisitors.get(period.params) ?? 0, 'shown'),
    openedVisitors: (period: RollupPeriod) =>
      distinct(period, 'openedVisitors', events(period, 'panel_opened'), () => queries.openedVisitors.get(period.params) ?? 0, 'opened'),
    sharesByChannel: (period: RollupPeriod) =>
      tally(period.widgetEvents.filter((row) => row.type === 'share').map((row) => [row.channel, row.events])).map(
        ([channel, shares]) => ({ channel, shares }),
      ),
    sharing: (period: RollupPeriod) => queries.sharing.get(period.params),
    couponPurchases: (period: RollupPeriod) => sum(period.conversions.filter((row) => row.coupon_only === 1), (row) => row.orders),
    identified: (period: RollupPeriod) => queries.identified.get(period.params) ?? 0,
    rewards: (period: RollupPeriod) => queries.rewards.get(period.params) ?? 0,
    // Link clicks plus coupon purchases without a click, per day.
    dailyClicks: (period: RollupPeriod) => {
      const days = new Map<number, number>();
      const count = (day: number, clicks: number) => days.set(day, (days.get(day) ?? 0) + clicks);
      for (const row of period.clicks) count(row.day, row.clicks);
      for (const row of period.conversions) if (row.coupon_only === 1) count(row.day, row.orders);
      return [...days].sort(([a], [b]) => a - b).map(([day, clicks]) => ({ day, clicks }));
    },
    dailyPurchases: (period: RollupPeriod) => {
      const rows = new Map<string, { day: number; currency: string; purchases: number; revenue: number }>();
      for (const row of period.conversions) {
        if (row.attributed !== 1) continue;
        const key = `${row.day} ${row.currency}`;
        const total = rows.get(key) ?? { day: row.day, currency: row.currency, purchases: 0, revenue: 0 };
        total.purchases += row.orders;
        total.revenue += row.revenue;
        rows.set(key, total);
      }
      return [...rows.values()].sort((a, b) => a.day - b.day || byText(a.currency, b.currency));
    },
    cycleTimes: (period: RollupPeriod) => queries.cycleTimes.all(period.params),
    participatingAmbassadors: (period: RollupPeriod) => queries.participatingAmbassadors.get(period.params) ?? 0,
    referredVisitors: (period: RollupPeriod) =>
      distinct(period, 'referredVisitors', sum(period.clicks, (row) => row.clicks), () => queries.referredVisitors.get(period.params) ?? 0, 'referred'),
    /**
     * Exact: visitors who bought through a referral in the period and clicked a referral link in
     * it too. Estimated: visitors whose referred purchase in the period came through a stored
     * click (the sketches cannot intersect two sets), so a buyer whose click was before the period
     * counts too. Over the long periods that are estimated, those are few.
     */
    referredVisitorsPurchased: (period: RollupPeriod) =>
      distinct(
        period,
        'referredVisitorsPurchased',
        sum(period.conversions.filter((row) => row.attributed === 1), (row) => row.orders),
        () => queries.referredVisitorsPurchased.get(period.params) ?? 0,
        'purchased',
      ),
    orderValues: (period: RollupPeriod): { rows: AnalyticsFacts['orderValues']; estimated: boolean } => {
      if (isSmall('customers', sum(period.conversions, (row) => row.orders))) return { rows: queries.orderValues.all(period.params), estimated: false };
      const customers = { all: period.distinct('customers'), referred: period.distinct('referred_customers') };
      const rows = new Map<string, AnalyticsFacts['orderValues'][number]>();
      for (const row of period.conversions) {
        for (const scope of row.attributed === 1 ? (['all', 'referred'] as const) : (['all'] as const)) {
          const key = `${row.currency} ${scope}`;
          const total = rows.get(key) ?? { currency: row.currency, scope, customers: customers[scope].get(row.currency) ?? 0, orders: 0, revenue: 0 };
          total.orders += row.orders;
          total.revenue += row.revenue;
          rows.set(key, total);
        }
      }
      return { rows: [...rows.values()].sort((a, b) => byText(a.currency, b.currency) || byText(a.scope, b.scope)), estimated: true };
    },
    topAmbassadors: (period: RollupPeriod) => queries.topAmbassadors.all(period.params),
    clickBreakdown: (period: RollupPeriod): ClickBreakdown => {
      const by = (value: (row: RollupPeriod['clicks'][number]) => string) =>
        tally(period.clicks.map((row) => [value(row), row.clicks])).map(([key, clicks]) => ({ value: key === '' ? null : key, clicks }));
      return {
        clicks: sum(period.clicks, (row) => row.clicks),
        qr: sum(period.clicks, (row) => row.qr),
        // The column's CHECK admits only device types.
        byDeviceType: by((row) => row.device_type) as ClickBreakdown['byDeviceType'],
        byBrowser: by((row) => row.browser),
        byOs: by((row) => row.os),
      };
    },
  };

  return {
    figures,
    clickBreakdown: (params: ProgramRange) => figures.clickBreakdown(reads.period(params)),
    /** Call inside one read transaction, so that every figure describes the same moment. */
    facts(params: ProgramRange): AnalyticsFacts {
      const period = reads.period(params);
      const estimated: EstimatedFact[] = [];
      const value = (name: EstimatedFact, result: Distinct) => {
        if (result.estimated) estimated.push(name);
        return result.value;
      };
      const sharing = figures.sharing(period);
      const sharesByChannel = figures.sharesByChannel(period);
      const dailyPurchases = figures.dailyPurchases(period);
      const orderValues = figures.orderValues(period);
      if (orderValues.estimated) estimated.push('customers');
      const devices = figures.clickBreakdown(period);
      return {
        shownVisitors: value('shownVisitors', figures.shownVisitors(period)),
        openedVisitors: value('openedVisitors', figures.openedVisitors(period)),
        sharesByChannel,
        shares: sum(sharesByChannel, (row) => row.shares),
        attributedShares: sharing?.shares ?? 0,
        sharingAmbassadors: sharing?.ambassadors ?? 0,
        clicks: devices.clicks,
        qrClicks: devices.qr,
        couponPurchases: figures.couponPurchases(period),
        identified: figures.identified(period),
        purchases: sum(dailyPurchases, (row) => row.purchases),
        rewards: figures.rewards(period),
        dailyClicks: figures.dailyClicks(period),
        dailyPurchases,
        cycleTimesMs: figures.cycleTimes(period),
        participatingAmbassadors: figures.participatingAmbassadors(period),
        referredVisitors: value('referredVisitors', figures.referredVisitors(period)),
        referredVisitorsPurchased: value('referredVisitorsPurchased', figures.referredVisitorsPurchased(period)),
        orderValues: orderValues.rows,
        topAmbassadors: figures.topAmbassadors(period),
        devices,
        estimated,
      };
    },
  };
}
