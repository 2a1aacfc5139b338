import type { Money } from '../../../shared/src/money.ts';
import { ANALYTICS_ESTIMATES, type AnalyticsEstimate, type AnalyticsOverview, type ShareChannel } from '../../../shared/src/wire.ts';
import type { AnalyticsFacts, EstimatedFact, TimeRange } from '../store/analytics-store.ts';

export const DAY_MS = 86_400_000;
/** The overview's default period, and the longest one asked in one go (a year and a bit). */
export const DEFAULT_PERIOD_MS = 30 * DAY_MS;
export const MAX_PERIOD_MS = 400 * DAY_MS;

/** A fraction, or null when there is nothing to divide by (never NaN or Infinity). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Of values sorted ascending: the middle one, or the mean of the two middle ones. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** Money averages are whole minor units, like every other amount. */
function perUnit(total: number, count: number): number | null {
  return count > 0 ? Math.round(total / count) : null;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

/** `YYYY-MM-DD` of a UTC day number. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The figures of the overview an estimated fact is, or is part of. */
const ESTIMATES_OF: Record<EstimatedFact, AnalyticsEstimate[]> = {
  shownVisitors: ['funnel.widgetShown', 'funnel.rates.panelOpened', 'participation.visitorsShown', 'participation.rate'],
  openedVisitors: ['funnel.panelOpened', 'funnel.rates.panelOpened', 'funnel.rates.shares'],
  referredVisitors: ['referredConversion.visitors', 'referredConversion.rate'],
  referredVisitorsPurchased: ['referredConversion.purchased', 'referredConversion.rate'],
  customers: ['orderValue.referred.customers', 'orderValue.referred.lifetimeValue', 'orderValue.all.customers', 'orderValue.all.lifetimeValue'],
};

/** Turns the store's raw figures into the overview the dashboard shows (see `AnalyticsOverview`). */
export function analyticsOverview(range: TimeRange, facts: AnalyticsFacts): AnalyticsOverview {
  const clicks = facts.clicks + facts.couponPurchases;
  const steps = {
    widgetShown: facts.shownVisitors,
    panelOpened: facts.openedVisitors,
    shares: facts.shares,
    clicks,
    identified: facts.identified,
    purchases: facts.purchases,
    rewards: facts.rewards,
  };
  const sharesPerAmbassador = rate(facts.attributedShares, facts.sharingAmbassadors);
  const purchaseRate = rate(facts.purchases, facts.attributedShares);
  const cycle = facts.cycleTimesMs;
  return {
    from: range.from,
    to: range.to,
    funnel: {
      ...steps,
      sharesByChannel: Object.fromEntries(facts.sharesByChannel.map((row) => [row.channel as ShareChannel, row.shares])),
      clicksBySource: { link: facts.clicks - facts.qrClicks, qr: facts.qrClicks, coupon: facts.couponPurchases },
      rates: {
        panelOpened: rate(steps.panelOpened, steps.widgetShown),
        shares: rate(steps.shares, steps.panelOpened),
        clicks: rate(steps.clicks, steps.shares),
        identified: rate(steps.identified, steps.clicks),
        purchases: rate(steps.purchases, steps.identified),
        rewards: rate(steps.rewards, steps.purchases),
      },
    },
    daily: daily(range, facts),
    viral: {
      ambassadors: facts.sharingAmbassadors,
      sharesPerAmbassador,
      purchaseRate,
      k: sharesPerAmbassador === null || purchaseRate === null ? null : sharesPerAmbassador * purchaseRate,
    },
    cycleTime: {
      ambassadors: cycle.length,
      medianMs: roundOrNull(median(cycle)),
      averageMs: perUnit(cycle.reduce((sum, ms) => sum + ms, 0), cycle.length),
    },
    participation: {
      visitorsShown: facts.shownVisitors,
      ambassadors: facts.participatingAmbassadors,
      rate: rate(facts.participatingAmbassadors, facts.shownVisitors),
    },
    referredConversion: {
      visitors: facts.referredVisitors,
      purchased: facts.referredVisitorsPurchased,
      rate: rate(facts.referredVisitorsPurchased, facts.referredVisitors),
    },
    orderValue: orderValues(facts),
    topAmbassadors: facts.topAmbassadors.map((row) => ({
      currency: row.currency,
      ambassadors: row.ambassadors,
      topCount: row.topCount,
      topRevenueShare: rate(row.topRevenue, row.revenue),
    })),
    devices: {
      deviceType: counts(facts.devices.byDeviceType),
      browser: counts(facts.devices.byBrowser),
      os: counts(facts.devices.byOs),
    },
    estimated: estimated(facts.estimated),
  };
}

function estimated(facts: readonly EstimatedFact[]): AnalyticsEstimate[] {
  const figures = new Set(facts.flatMap((fact) => ESTIMATES_OF[fact]));
  return ANALYTICS_ESTIMATES.filter((figure) => figures.has(figure));
}

/** One row per UTC day that the period touches, days without activity included. */
function daily(range: TimeRange, facts: AnalyticsFacts): AnalyticsOverview['daily'] {
  const clicks = new Map(facts.dailyClicks.map((row) => [row.day, row.clicks]));
  const purchases = new Map<number, { purchases: number; revenue: Money[] }>();
  for (const row of facts.dailyPurchases) {
    const day = purchases.get(row.day) ?? { purchases: 0, revenue: [] };
    day.purchases += row.purchases;
    day.revenue.push({ amount: row.revenue, currency: row.currency });
    purchases.set(row.day, day);
  }
  const rows: AnalyticsOverview['daily'] = [];
  for (let day = Math.floor(range.from / DAY_MS); day <= Math.floor((range.to - 1) / DAY_MS); day++) {
    const bought = purchases.get(day);
    rows.push({ day: dayLabel(day), clicks: clicks.get(day) ?? 0, purchases: bought?.purchases ?? 0, revenue: bought?.revenue ?? [] });
  }
  return rows;
}

function orderValues(facts: AnalyticsFacts): AnalyticsOverview['orderValue'] {
  const empty = { customers: 0, orders: 0, revenue: 0 };
  const currencies = [...new Set(facts.orderValues.map((row) => row.currency))].sort();
  const find = (currency: string, scope: 'referred' | 'all') =>
    facts.orderValues.find((row) => row.currency === currency && row.scope === scope) ?? empty;
  const values = (row: { customers: number; orders: number; revenue: number }) => ({
    customers: row.customers,
    orders: row.orders,
    averageOrder: perUnit(row.revenue, row.orders),
    // Lifetime value: what a customer brought in the period, on average.
    lifetimeValue: perUnit(row.revenue, row.customers),
  });
  return currencies.map((currency) => ({ currency, referred: values(find(currency, 'referred')), all: values(find(currency, 'all')) }));
}

/** Unknown (null) values, from clicks stored before the details were, are counted as `unknown`. */
function counts(rows: Array<{ value: string | null; clicks: number }>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const row of rows) result[row.value ?? 'unknown'] = (result[row.value ?? 'unknown'] ?? 0) + row.clicks;
  return result;
}
