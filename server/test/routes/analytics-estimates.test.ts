import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsOverview } from '../../../shared/src/wire.ts';
import type { NewWidgetEvent } from '../../src/store/analytics-store.ts';
import type { ClickWrite } from '../../src/store/store.ts';
import { createTestApp, DAY, DEMO, HOUR, type TestApp } from '../helpers/test-app.ts';

const jan = (day: number, hour = 0) => Date.UTC(2025, 0, day, hour);
/** Five days, from noon to noon: partial days at both ends, whole days in between. */
const FROM = jan(10, 12);
const TO = jan(15, 12);
const VISITORS = 3_000;
const inPeriod = (at: number) => at >= FROM && at < TO;

/**
 * Visitor i is shown the widget on three days in a row and clicks a link on two of them, from
 * 10 to 16 January at an hour of its own: far more events than distinct visitors, on both sides
 * of the period's edges. Written through the store (real SQLite), read through the API.
 */
function history(ambassadorId: number): { events: NewWidgetEvent[]; clicks: ClickWrite[]; shown: Set<string>; clicked: Set<string> } {
  const events: NewWidgetEvent[] = [];
  const clicks: ClickWrite[] = [];
  const shown = new Set<string>();
  const clicked = new Set<string>();
  for (let i = 0; i < VISITORS; i++) {
    const visitorId = `visitor-${i}`;
    for (let k = 0; k < 3; k++) {
      const at = jan(10 + ((i + k) % 7), (i * 7) % 24) + (i % 60) * 60_000;
      events.push({ programId: 'demo', type: 'widget_shown', placement: 'product', channel: null, visitorId, ambassadorId: null, createdAt: at });
      if (inPeriod(at)) shown.add(visitorId);
      if (k === 2) continue;
      clicks.push({
        newClickId: `click-${i}-${k}`,
        programId: 'demo',
        ambassadorId,
        source: 'widget',
        visitorId,
        ipUaHash: null,
        previousIpUaHash: null,
        qr: false,
        browser: 'Chrome',
        os: 'Windows',
        deviceType: 'desktop',
        claimClickId: null,
        url: null,
        referrer: null,
        at,
        dedupWindowMs: HOUR,
      });
      if (inPeriod(at)) clicked.add(visitorId);
    }
  }
  return { events, clicks, shown, clicked };
}

const within = (estimate: number, exact: number, tolerance: number) => Math.abs(estimate / exact - 1) <= tolerance;

describe('GET /v1/analytics/overview over a period too busy to count visitors one by one', () => {
  let t: TestApp;
  let expected: { shown: number; clicked: number; clicks: number };

  beforeAll(async () => {
    // Distinct counts that read more than 300 rows are estimated: a small limit stands in for a busy shop.
    t = await createTestApp({ exactRowLimit: 300 });
    const code = await t.ambassador('alice@example.com');
    const ambassador = await t.store.findAmbassadorByCode(code);
    const { events, clicks, shown, clicked } = history(ambassador!.id);
    for (let i = 0; i < events.length; i += 1_000) await t.store.recordWidgetEvents(events.slice(i, i + 1_000));
    for (let i = 0; i < clicks.length; i += 500) {
      const results = await t.store.recordClicks(clicks.slice(i, i + 500));
      expect(results.every((result) => !(result instanceof Error) && result.counted)).toBe(true);
    }
    // 120 referred visitors buy once, through a click of 10 January; 40 other customers twice each.
    t.clock.now = jan(13, 12);
    const buy = async (body: Record<string, unknown>) => {
      const response = await t.api('POST', '/v1/conversions', { amount: 1_000, currency: 'EUR', ...body });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ attributed: boolean }>();
    };
    for (let j = 0; j < 120; j++) {
      const referral = { clickId: `click-${7 * j}-0`, visitorId: `visitor-${7 * j}` };
      expect((await buy({ orderId: `referred-${j}`, customer: { email: `friend${j}@example.com` }, referral })).attributed).toBe(true);
    }
    for (let j = 0; j < 80; j++) await buy({ orderId: `plain-${j}`, customer: { email: `customer${j % 40}@example.com` } });
    expected = { shown: shown.size, clicked: clicked.size, clicks: clicks.filter((click) => inPeriod(click.at)).length };
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('estimates distinct visitors and customers within 5% from the daily sketches, and says which figures are estimates', async () => {
    const response = await t.api('GET', `/v1/analytics/overview?from=${FROM}&to=${TO}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<AnalyticsOverview>();
    // The five days hold about three events per visitor: a sum of daily counts would be far off.
    expect(expected.shown).toBeGreaterThan(2_000);
    expect(within(body.funnel.widgetShown, expected.shown, 0.05), `${body.funnel.widgetShown} for ${expected.shown}`).toBe(true);
    expect(within(body.referredConversion.visitors, expected.clicked, 0.05), `${body.referredConversion.visitors} for ${expected.clicked}`).toBe(true);
    expect(within(body.referredConversion.purchased, 120, 0.05)).toBe(true);
    expect(within(body.orderValue[0]!.referred.customers, 120, 0.05)).toBe(true);
    expect(within(body.orderValue[0]!.all.customers, 160, 0.05)).toBe(true);
    // Counts and sums come from the roll-ups whole, never estimated.
    expect(body.funnel.clicks).toBe(expected.clicks);
    expect(body.funnel.purchases).toBe(120);
    expect(body.orderValue[0]).toMatchObject({ currency: 'EUR', all: { orders: 200, averageOrder: 1_000 }, referred: { orders: 120 } });
    expect(body.estimated).toEqual([
      'funnel.widgetShown',
      'funnel.rates.panelOpened',
      'participation.visitorsShown',
      'participation.rate',
      'referredConversion.visitors',
      'referredConversion.purchased',
      'referredConversion.rate',
      'orderValue.referred.customers',
      'orderValue.referred.lifetimeValue',
      'orderValue.all.customers',
      'orderValue.all.lifetimeValue',
    ]);
  });

  it('counts exactly, and estimates nothing, where the period holds few events', async () => {
    const body = (await t.api('GET', `/v1/analytics/overview?from=${jan(10, 12)}&to=${jan(10, 14)}`)).json<AnalyticsOverview>();
    expect(body.estimated).toEqual([]);
    expect(body.funnel.widgetShown).toBe(history(0).events.filter((event) => event.createdAt >= jan(10, 12) && event.createdAt < jan(10, 14)).length);
  });
});

describe('GET /v1/analytics/overview of a small shop', () => {
  it('estimates nothing over the last 30 days', async () => {
    const t = await createTestApp();
    try {
      t.clock.now = jan(20, 12);
      for (let i = 0; i < 50; i++) {
        t.clock.now -= DAY / 2;
        await t.widget('events', { programId: DEMO.id, visitorId: `visitor-${i % 20}`, events: [{ type: 'widget_shown' }] });
      }
      t.clock.now = jan(20, 12);
      const body = (await t.api('GET', '/v1/analytics/overview')).json<AnalyticsOverview>();
      expect(body.funnel.widgetShown).toBe(20);
      expect(body.estimated).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
