import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from '../../../shared/src/identity-signature.ts';
import type { AnalyticsOverview } from '../../../shared/src/wire.ts';
import { createTestApp, DAY, DEMO, HOUR, OTHER, type TestApp } from '../helpers/test-app.ts';
import { BROWSERS } from '../helpers/user-agents.ts';

/** A UTC time in January 2025. */
const jan = (day: number, hour = 0, minute = 0) => Date.UTC(2025, 0, day, hour, minute);
/** The period asked about: three whole UTC days, 15 to 17 January. */
const FROM = jan(15);
const TO = jan(18);

/**
 * A small history, played through the real HTTP API with the clock moved by hand, whose figures
 * are worked out below by hand. The demo program (10% store credit, 1-hour click deduplication):
 *
 * 14 Jan (before): Old joins; f0 clicks Old's link and buys (Old's first referred purchase).
 * 15 Jan 10:00 Alice joins, 11:00 Bob joins.
 *        12:00 widget shown to v1 (twice), v2, v3, v4; panel opened by v1 (twice) and v2;
 *              Alice shares by WhatsApp ×2 and copied link, Bob by Telegram, an unknown code by email.
 *        13:00 counted clicks: f1 (Chrome, Windows) and f2 (Safari, iPhone) on Alice's link,
 *              f3 (Firefox, Windows) and f4 (Samsung, Android) on Bob's, a QR scan of Alice's
 *              link (Safari, iPhone); 13:30 f1 again (a repeat, not counted).
 * 16 Jan 09:00 f1 identifies with Alice's referral (f1 becomes an ambassador too).
 *        10:00 o1 f1 100.00 EUR (Alice, click)   11:00 o2 f2 50.00 EUR (Alice, click)
 *        16:00 o3 c4 60.00 EUR with Bob's coupon, no click
 *        17:00 o4 and 17:30 o5 by "plain" 20.00 + 30.00 EUR, o6 "us" 15.00 USD (not referred)
 * 17 Jan 10:00 o7 f3 40.00 EUR (Bob, click)      11:00 o2 refunded 10.00 EUR
 * 18 Jan (after): more of everything, which must not count. The other program has its own data.
 */
describe('GET /v1/analytics/overview', () => {
  let t: TestApp;
  let alice: string;
  let bob: string;
  const clickIds: Record<string, string> = {};

  const events = (visitorId: string, list: unknown[], code?: string, programId = 'demo', origin: string = DEMO.origin) =>
    t.widget('events', { programId, visitorId, ...(code ? { code } : {}), events: list }, { origin }).then((response) => {
      expect(response.statusCode, response.body).toBe(202);
    });
  const click = async (name: string, code: string, userAgent: string) => {
    const response = await t.widget('clicks', { programId: 'demo', code, visitorId: name }, { 'user-agent': userAgent });
    expect(response.statusCode, response.body).toBe(200);
    clickIds[name] = response.json().clickId;
    return response.json().counted as boolean;
  };
  const buy = async (body: Record<string, unknown>, secretKey: string = DEMO.secretKey) => {
    const response = await t.api('POST', '/v1/conversions', body, secretKey);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const overview = async (query: string, secretKey: string = DEMO.secretKey) => {
    const response = await t.api('GET', `/v1/analytics/overview${query}`, undefined, secretKey);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AnalyticsOverview>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    const shown = { type: 'widget_shown', placement: 'product' };
    const opened = { type: 'panel_opened', placement: 'launcher' };

    // 14 January: before the period.
    t.clock.now = jan(14, 12);
    const old = await t.ambassador('old@example.com', { name: 'Old' });
    await events('v-old', [shown]);
    await click('f0', old, BROWSERS['Chrome on Windows']);
    t.clock.now = jan(14, 13);
    expect((await buy({ orderId: 'o0', amount: 1000, currency: 'EUR', customer: { email: 'f0@example.com' }, referral: { clickId: clickIds.f0 } })).attributed).toBe(true);

    // 15 January.
    t.clock.now = jan(15, 10);
    alice = await t.ambassador('alice@example.com', { name: 'Alice' });
    t.clock.now = jan(15, 11);
    bob = await t.ambassador('bob@example.com', { name: 'Bob' });
    t.clock.now = jan(15, 12);
    await events('v1', [shown, opened]);
    await events('v1', [shown, opened]);
    await events('v2', [shown, opened]);
    await events('v3', [shown]);
    await events('v4', [{ type: 'widget_shown', placement: 'inline' }]);
    await events('alice-phone', [
      { type: 'share', placement: 'purchase', channel: 'whatsapp' },
      { type: 'share', placement: 'purchase', channel: 'whatsapp' },
      { type: 'share', placement: 'purchase', channel: 'copy_link' },
    ], alice);
    await events('bob-laptop', [{ type: 'share', channel: 'telegram' }], bob.toLowerCase());
    await events('v5', [{ type: 'share', channel: 'email' }], 'NOSUCH2345');

    t.clock.now = jan(15, 13);
    expect(await click('f1', alice, BROWSERS['Chrome on Windows'])).toBe(true);
    expect(await click('f2', alice, BROWSERS['Safari on iPhone'])).toBe(true);
    expect(await click('f3', bob, BROWSERS['Firefox on Windows'])).toBe(true);
    expect(await click('f4', bob, BROWSERS['Samsung Internet'])).toBe(true);
    // Another phone than f2's: the same IP and user agent would be a repeat of f2's click.
    const qr = await t.inject({ method: 'GET', url: `/r/${alice}?qr=1`, headers: { 'user-agent': BROWSERS['Safari on iPhone'] }, remoteAddress: '198.51.100.7' });
    expect(qr.statusCode).toBe(302);
    t.clock.now = jan(15, 13, 30);
    const firstF1 = clickIds.f1;
    expect(await click('f1', alice, BROWSERS['Chrome on Windows'])).toBe(false);
    expect(clickIds.f1).toBe(firstF1);

    // 16 January.
    t.clock.now = jan(16, 9);
    const timestamp = t.clock.now;
    const signature = signIdentity(DEMO.secretKey, { programId: 'demo', email: 'f1@example.com', timestamp });
    const session = await t.widget('session', {
      programId: 'demo',
      visitorId: 'f1',
      referral: { code: alice, clickId: clickIds.f1 },
      identity: { email: 'f1@example.com', timestamp, signature },
    });
    expect(session.statusCode, session.body).toBe(200);

    t.clock.now = jan(16, 10);
    const o1 = await buy({ orderId: 'o1', amount: 10_000, currency: 'EUR', customer: { email: 'f1@example.com' }, referral: { clickId: clickIds.f1, visitorId: 'f1', code: alice } });
    expect(o1).toMatchObject({ attributed: true, attributedVia: 'click', ambassadorCode: alice });
    t.clock.now = jan(16, 11);
    expect((await buy({ orderId: 'o2', amount: 5_000, currency: 'EUR', customer: { email: 'f2@example.com' }, referral: { clickId: clickIds.f2, visitorId: 'f2' } })).attributed).toBe(true);
    t.clock.now = jan(16, 16);
    expect(await buy({ orderId: 'o3', amount: 6_000, currency: 'EUR', customer: { email: 'c4@example.com' }, couponCode: bob })).toMatchObject({
      attributed: true,
      attributedVia: 'coupon',
    });
    t.clock.now = jan(16, 17);
    expect((await buy({ orderId: 'o4', amount: 2_000, currency: 'EUR', customer: { email: 'plain@example.com' } })).attributed).toBe(false);
    t.clock.now = jan(16, 17, 30);
    await buy({ orderId: 'o5', amount: 3_000, currency: 'EUR', customer: { email: 'plain@example.com' } });
    await buy({ orderId: 'o6', amount: 1_500, currency: 'USD', customer: { id: 'cus-us' } });

    // 17 January.
    t.clock.now = jan(17, 10);
    expect((await buy({ orderId: 'o7', amount: 4_000, currency: 'EUR', customer: { email: 'f3@example.com' }, referral: { clickId: clickIds.f3, visitorId: 'f3' } })).attributed).toBe(true);
    t.clock.now = jan(17, 11);
    expect((await t.api('POST', '/v1/conversions/o2/refunds', { amount: 1_000 })).statusCode).toBe(200);

    // 18 January: after the period.
    t.clock.now = jan(18, 10);
    await events('v9', [shown, opened, { type: 'share', channel: 'sms' }], alice);
    await click('f5', alice, BROWSERS['Safari on a Mac']);
    await buy({ orderId: 'o8', amount: 9_000, currency: 'EUR', referral: { clickId: clickIds.f5, visitorId: 'f5' } });

    // The other program, inside the period: a shown widget, a click and a purchase of its own.
    t.clock.now = jan(16, 12);
    const otherCode = await t.ambassador('olga@other.example', {}, OTHER.secretKey);
    await events('ov1', [shown], undefined, OTHER.id, OTHER.origin);
    const otherClick = await t.widget('clicks', { programId: OTHER.id, code: otherCode, visitorId: 'of1' }, { origin: OTHER.origin });
    await buy({ orderId: 'x1', amount: 7_000, currency: 'EUR', customer: { email: 'of1@example.com' }, referral: { clickId: otherClick.json().clickId, visitorId: 'of1' } }, OTHER.secretKey);
    t.clock.now = jan(20, 12);
  });

  afterAll(async () => {
    await t.close();
  });

  it('counts every funnel step of the period, and each step over the one before', async () => {
    const body = await overview(`?from=${FROM}&to=${TO}`);
    expect(body.from).toBe(FROM);
    expect(body.to).toBe(TO);
    expect(body.funnel).toEqual({
      widgetShown: 4, // v1, v2, v3, v4: distinct visitors
      panelOpened: 2, // v1, v2
      shares: 5,
      sharesByChannel: { whatsapp: 2, copy_link: 1, telegram: 1, email: 1 },
      clicks: 6, // f1, f2, f3, f4, the QR scan, and the coupon purchase without a click
      clicksBySource: { link: 4, qr: 1, coupon: 1 },
      identified: 1, // f1
      purchases: 4, // o1, o2, o3, o7
      rewards: 4,
      rates: {
        panelOpened: 2 / 4,
        shares: 5 / 2,
        clicks: 6 / 5,
        identified: 1 / 6,
        purchases: 4 / 1,
        rewards: 4 / 4,
      },
    });
  });

  it('has a row for every UTC day, with the clicks, purchases and revenue of that day', async () => {
    const body = await overview(`?from=${FROM}&to=${TO}`);
    expect(body.daily).toEqual([
      { day: '2025-01-15', clicks: 5, purchases: 0, revenue: [] },
      // The coupon purchase counts as the click it had none of; o2 is worth 40.00 after its refund.
      { day: '2025-01-16', clicks: 1, purchases: 3, revenue: [{ amount: 10_000 + 4_000 + 6_000, currency: 'EUR' }] },
      { day: '2025-01-17', clicks: 0, purchases: 1, revenue: [{ amount: 4_000, currency: 'EUR' }] },
    ]);
  });

  it('computes K, the cycle time, participation and the referred conversion', async () => {
    const body = await overview(`?from=${FROM}&to=${TO}`);
    // Alice and Bob shared 4 times (the unknown code's share has no ambassador); 4 purchases.
    expect(body.viral).toEqual({ ambassadors: 2, sharesPerAmbassador: 2, purchaseRate: 1, k: 2 });
    // Alice: joined 15 Jan 10:00, first referred purchase 16 Jan 10:00 (24 h). Bob: 15 Jan 11:00 →
    // 16 Jan 16:00 (29 h). Old's first was before the period.
    expect(body.cycleTime).toEqual({ ambassadors: 2, medianMs: 26.5 * HOUR, averageMs: 26.5 * HOUR });
    // Created in the period: Alice, Bob and f1 (who identified); Alice and Bob also shared.
    expect(body.participation).toEqual({ visitorsShown: 4, ambassadors: 3, rate: 3 / 4 });
    // Referred visitors f1, f2, f3, f4 (the QR scan has no visitor id); f4 did not buy.
    expect(body.referredConversion).toEqual({ visitors: 4, purchased: 3, rate: 3 / 4 });
  });

  it('compares referred and all customers per currency, and finds the top 20% of ambassadors', async () => {
    const body = await overview(`?from=${FROM}&to=${TO}`);
    expect(body.orderValue).toEqual([
      {
        currency: 'EUR',
        // o1 100, o2 40 (after refund), o3 60, o7 40 by f1, f2, c4, f3.
        referred: { customers: 4, orders: 4, averageOrder: 6_000, lifetimeValue: 6_000 },
        // Plus o4 20 and o5 30 by the same customer "plain": 290.00 over 6 orders and 5 customers.
        all: { customers: 5, orders: 6, averageOrder: Math.round(29_000 / 6), lifetimeValue: 5_800 },
      },
      {
        currency: 'USD',
        referred: { customers: 0, orders: 0, averageOrder: null, lifetimeValue: null },
        all: { customers: 1, orders: 1, averageOrder: 1_500, lifetimeValue: 1_500 },
      },
    ]);
    // Alice brought 140.00 and Bob 100.00: the top 20% of two ambassadors is one, Alice.
    expect(body.topAmbassadors).toEqual([{ currency: 'EUR', ambassadors: 2, topCount: 1, topRevenueShare: 14_000 / 24_000 }]);
  });

  it('breaks the counted clicks down by device, browser and OS', async () => {
    const body = await overview(`?from=${FROM}&to=${TO}`);
    expect(body.devices).toEqual({
      deviceType: { mobile: 3, desktop: 2 },
      browser: { 'Mobile Safari': 2, Chrome: 1, Firefox: 1, 'Samsung Internet': 1 },
      os: { iOS: 2, Windows: 2, Android: 1 },
    });
  });

  it("never counts another program's data, and shows that program only its own", async () => {
    const other = await overview(`?from=${FROM}&to=${TO}`, OTHER.secretKey);
    expect(other.funnel).toMatchObject({ widgetShown: 1, shares: 0, clicks: 1, purchases: 1, rewards: 1 });
    expect(other.orderValue).toEqual([
      {
        currency: 'EUR',
        referred: { customers: 1, orders: 1, averageOrder: 7_000, lifetimeValue: 7_000 },
        all: { customers: 1, orders: 1, averageOrder: 7_000, lifetimeValue: 7_000 },
      },
    ]);
  });

  it('answers an empty period with zeros and nulls, never NaN', async () => {
    const body = await overview(`?from=${jan(1)}&to=${jan(2)}`);
    expect(JSON.stringify(body)).not.toMatch(/NaN|Infinity/);
    expect(body).toEqual({
      from: jan(1),
      to: jan(2),
      funnel: {
        widgetShown: 0,
        panelOpened: 0,
        shares: 0,
        sharesByChannel: {},
        clicks: 0,
        clicksBySource: { link: 0, qr: 0, coupon: 0 },
        identified: 0,
        purchases: 0,
        rewards: 0,
        rates: { panelOpened: null, shares: null, clicks: null, identified: null, purchases: null, rewards: null },
      },
      daily: [{ day: '2025-01-01', clicks: 0, purchases: 0, revenue: [] }],
      viral: { ambassadors: 0, sharesPerAmbassador: null, purchaseRate: null, k: null },
      cycleTime: { ambassadors: 0, medianMs: null, averageMs: null },
      participation: { visitorsShown: 0, ambassadors: 0, rate: null },
      referredConversion: { visitors: 0, purchased: 0, rate: null },
      orderValue: [],
      topAmbassadors: [],
      devices: { deviceType: {}, browser: {}, os: {} },
      estimated: [],
    });
  });

  it('covers the last 30 days by default', async () => {
    const body = await overview('');
    expect(body.to).toBe(jan(20, 12));
    expect(body.from).toBe(jan(20, 12) - 30 * DAY);
    expect(body.daily).toHaveLength(31); // 30 days from noon to noon touch 31 dates
    expect(body.funnel.purchases).toBe(6); // o0, o1, o2, o3, o7 and o8: every referred one
  });

  it('refuses a backwards, empty, too long or malformed period with a stable code', async () => {
    const ask = (query: string) => t.api('GET', `/v1/analytics/overview${query}`);
    for (const query of [`?from=${TO}&to=${FROM}`, `?from=${FROM}&to=${FROM}`, `?from=0&to=${401 * DAY}`]) {
      const response = await ask(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('invalid_period');
    }
    expect((await ask(`?from=${400 * DAY}&to=${800 * DAY}`)).statusCode).toBe(200);
    for (const query of ['?from=yesterday', '?from=-5', '?to=1.5', '?days=7']) {
      const response = await ask(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    }
  });

  it('needs the secret key', async () => {
    const response = await t.inject({ method: 'GET', url: `/v1/analytics/overview?from=${FROM}&to=${TO}` });
    expect(response.statusCode).toBe(401);
  });
});
