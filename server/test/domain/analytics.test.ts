import { describe, expect, it } from 'vitest';
import { analyticsOverview, dayLabel, median, rate } from '../../src/domain/analytics.ts';
import type { AnalyticsFacts } from '../../src/store/analytics-store.ts';

const empty: AnalyticsFacts = {
  shownVisitors: 0,
  openedVisitors: 0,
  shares: 0,
  sharesByChannel: [],
  attributedShares: 0,
  sharingAmbassadors: 0,
  clicks: 0,
  qrClicks: 0,
  couponPurchases: 0,
  identified: 0,
  purchases: 0,
  rewards: 0,
  dailyClicks: [],
  dailyPurchases: [],
  cycleTimesMs: [],
  participatingAmbassadors: 0,
  referredVisitors: 0,
  referredVisitorsPurchased: 0,
  orderValues: [],
  topAmbassadors: [],
  devices: { clicks: 0, qr: 0, byDeviceType: [], byBrowser: [], byOs: [] },
  estimated: [],
};

describe('analytics maths', () => {
  it('divides only by something', () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 0)).toBeNull();
    expect(rate(3, 0)).toBeNull();
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([1, 2, 10])).toBe(2);
    expect(median([1, 2, 4, 10])).toBe(3);
  });

  it('labels UTC days', () => {
    expect(dayLabel(Date.UTC(2025, 1, 28) / 86_400_000)).toBe('2025-02-28');
  });

  it('has a row for every UTC day the period touches, including partial ones', () => {
    const from = Date.UTC(2025, 0, 1, 18);
    const to = Date.UTC(2025, 0, 3, 6);
    const day = Date.UTC(2025, 0, 2) / 86_400_000;
    const overview = analyticsOverview(
      { from, to },
      { ...empty, dailyClicks: [{ day, clicks: 3 }], dailyPurchases: [{ day, currency: 'EUR', purchases: 1, revenue: 500 }, { day, currency: 'USD', purchases: 2, revenue: 900 }] },
    );
    expect(overview.daily).toEqual([
      { day: '2025-01-01', clicks: 0, purchases: 0, revenue: [] },
      { day: '2025-01-02', clicks: 3, purchases: 3, revenue: [{ amount: 500, currency: 'EUR' }, { amount: 900, currency: 'USD' }] },
      { day: '2025-01-03', clicks: 0, purchases: 0, revenue: [] },
    ]);
    // A period ending exactly at midnight does not touch the next day.
    expect(analyticsOverview({ from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 0, 2) }, empty).daily).toHaveLength(1);
  });

  it('rounds money averages to whole minor units and names unknown devices', () => {
    const overview = analyticsOverview(
      { from: 0, to: 86_400_000 },
      {
        ...empty,
        cycleTimesMs: [1, 2],
        orderValues: [{ currency: 'EUR', scope: 'all', customers: 3, orders: 3, revenue: 1000 }],
        devices: { clicks: 3, qr: 0, byDeviceType: [{ value: 'mobile', clicks: 2 }, { value: null, clicks: 1 }], byBrowser: [], byOs: [] },
      },
    );
    expect(overview.orderValue).toEqual([
      { currency: 'EUR', referred: { customers: 0, orders: 0, averageOrder: null, lifetimeValue: null }, all: { customers: 3, orders: 3, averageOrder: 333, lifetimeValue: 333 } },
    ]);
    // Whole milliseconds, like every time.
    expect(overview.cycleTime).toEqual({ ambassadors: 2, medianMs: 2, averageMs: 2 });
    expect(overview.devices.deviceType).toEqual({ mobile: 2, unknown: 1 });
  });
});
