import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from '../../../../shared/src/identity-signature.ts';
import { rebuildRollups } from '../../../src/store/sqlite/rollup-rebuild.ts';
import { createRollupSources } from '../../../src/store/sqlite/rollup-sources.ts';
import { BROWSER_UA, createTestApp, DEMO, OTHER, type TestApp } from '../../helpers/test-app.ts';
import { BROWSERS } from '../../helpers/user-agents.ts';

const at = (day: number, hour: number, minute = 0) => Date.UTC(2025, 0, day, hour, minute);
const ALL_TIME = { from: 0, to: Number.MAX_SAFE_INTEGER };
const TABLES = {
  rollup_clicks: 'program_id, day, device_type, browser, os',
  rollup_widget_events: 'program_id, day, type, channel',
  rollup_conversions: 'program_id, day, currency, attributed, coupon_only',
  rollup_sketches: 'program_id, metric, day, scope',
} as const;

/** What the roll-up tables hold now, read through a connection of their own. */
function stored(path: string): Record<keyof typeof TABLES, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const read = (table: keyof typeof TABLES) => db.prepare(`SELECT * FROM ${table} ORDER BY ${TABLES[table]}`).all();
    return { rollup_clicks: read('rollup_clicks'), rollup_widget_events: read('rollup_widget_events'), rollup_conversions: read('rollup_conversions'), rollup_sketches: read('rollup_sketches') };
  } finally {
    db.close();
  }
}

/** The counts and sums computed from the raw tables, every program, all time, in the same order. */
function fromRawEvents(path: string): Record<'rollup_clicks' | 'rollup_widget_events' | 'rollup_conversions', unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const sources = createRollupSources(db);
    const programs = db.prepare('SELECT id FROM programs ORDER BY id').pluck().all() as string[];
    const of = <Row extends object>(rows: (programId: string) => Row[], key: (row: Row) => string) =>
      programs.flatMap((programId) => rows(programId).map((row) => ({ program_id: programId, ...row })).sort((a, b) => (key(a) < key(b) ? -1 : 1)));
    return {
      rollup_clicks: of((programId) => sources.clicks.all({ programId, ...ALL_TIME }), (row) => JSON.stringify([row.day, row.device_type, row.browser, row.os])),
      rollup_widget_events: of((programId) => sources.widgetEvents.all({ programId, ...ALL_TIME }), (row) => JSON.stringify([row.day, row.type, row.channel])),
      rollup_conversions: of((programId) => sources.conversions.all({ programId, ...ALL_TIME }), (row) => JSON.stringify([row.day, row.currency, row.attributed, row.coupon_only])),
    };
  } finally {
    db.close();
  }
}

/**
 * A history played through the real API that touches every writer of the roll-ups: widget events
 * and clicks on both sides of midnight, a repeat, short-link clicks claimed by the landing page
 * (one of them a repeat after all, so uncounted), a QR scan, clicks that turn out to be the
 * ambassador's own, attributed, coupon and plain orders in two currencies, a partial and a full
 * refund, an erased customer, and a second program.
 */
describe('analytics roll-ups', () => {
  let t: TestApp;
  let rollupsAfterHistory: ReturnType<typeof stored>;

  beforeAll(async () => {
    t = await createTestApp();
    const events = (visitorId: string, list: unknown[], code?: string) =>
      t.widget('events', { programId: 'demo', visitorId, ...(code ? { code } : {}), events: list });
    const click = async (visitorId: string, code: string, extra: Record<string, unknown> = {}, userAgent: string = BROWSERS['Chrome on Windows']) =>
      (await t.widget('clicks', { programId: 'demo', code, visitorId, ...extra }, { 'user-agent': userAgent })).json<{ clickId: string; counted: boolean }>();
    const shortLink = async (code: string, remoteAddress: string, query = '') => {
      const response = await t.inject({ method: 'GET', url: `/r/${code}${query}`, headers: { 'user-agent': BROWSERS['Safari on iPhone'] }, remoteAddress });
      return String(new URL(String(response.headers.location)).searchParams.get('sarafan_click'));
    };
    const buy = async (body: Record<string, unknown>, secretKey: string = DEMO.secretKey) => {
      const response = await t.api('POST', '/v1/conversions', body, secretKey);
      expect(response.statusCode, response.body).toBe(201);
    };

    t.clock.now = at(15, 23, 50);
    const alice = await t.ambassador('alice@example.com', { name: 'Alice' });
    await events('v1', [{ type: 'widget_shown' }, { type: 'panel_opened' }, { type: 'share', channel: 'whatsapp' }], alice);
    await events('v2', [{ type: 'widget_shown' }]);
    expect((await click('f1', alice)).counted).toBe(true);
    const f1Click = (await click('f1', alice)).clickId;

    t.clock.now = at(16, 0, 10);
    await events('v1', [{ type: 'widget_shown' }, { type: 'share', channel: 'telegram' }], alice);
    expect((await click('f2', alice, {}, BROWSERS['Firefox on Windows'])).counted).toBe(true);
    expect((await click('f1', alice)).counted).toBe(false); // a repeat within the hour
    // A short link claimed by its landing page, one claimed by a browser that had clicked already
    // (uncounted), and a QR scan nobody claims.
    const claimed = await shortLink(alice, '198.51.100.1');
    expect(await click('f3', alice, { clickId: claimed }, BROWSERS['Safari on iPhone'])).toEqual({ clickId: claimed, counted: false });
    const again = await shortLink(alice, '198.51.100.2');
    expect(await click('f2', alice, { clickId: again }, BROWSERS['Firefox on Windows'])).toEqual({ clickId: again, counted: false });
    expect(t.count('clicks', `id = '${again}' AND counted = 0`)).toBe(1);
    await shortLink(alice, '198.51.100.3', '?qr=1');
    // Alice clicks her own link on two browsers, then signs in on one of them: its click stops counting.
    expect((await click('alice-phone', alice, {}, BROWSERS['Safari on iPhone'])).counted).toBe(true);
    expect((await click('alice-laptop', alice, {}, BROWSERS['Safari on a Mac'])).counted).toBe(true);
    const timestamp = t.clock.now;
    const signature = signIdentity(DEMO.secretKey, { programId: 'demo', email: 'alice@example.com', timestamp });
    const session = await t.widget('session', { programId: 'demo', visitorId: 'alice-phone', identity: { email: 'alice@example.com', timestamp, signature } });
    expect(session.statusCode, session.body).toBe(200);
    expect(t.count('clicks', "visitor_id = 'alice-phone' AND self = 1")).toBe(1);

    t.clock.now = at(16, 12);
    await buy({ orderId: 'o1', amount: 10_000, currency: 'EUR', customer: { email: 'f1@example.com' }, referral: { clickId: f1Click, visitorId: 'f1' } });
    await buy({ orderId: 'o2', amount: 6_000, currency: 'EUR', customer: { email: 'c2@example.com' }, couponCode: alice });
    await buy({ orderId: 'o3', amount: 2_000, currency: 'USD', customer: { id: 'cus-3' } });
    await buy({ orderId: 'o4', amount: 3_000, currency: 'EUR', customer: { email: 'f3@example.com' }, referral: { clickId: claimed, visitorId: 'f3' } });
    await buy({ orderId: 'own', amount: 1_500, currency: 'EUR', customer: { email: 'alice@example.com' } });
    t.clock.now = at(17, 9);
    expect((await t.api('POST', '/v1/conversions/o1/refunds', { amount: 2_500 })).statusCode).toBe(200);
    expect((await t.api('POST', '/v1/conversions/o2/refunds', { amount: 6_000 })).statusCode).toBe(200);
    expect((await t.api('DELETE', `/v1/ambassadors/${alice}/personal-data`)).statusCode).toBe(200);

    // The other program, the same day.
    const olga = await t.ambassador('olga@other.example', {}, OTHER.secretKey);
    await t.widget('events', { programId: OTHER.id, visitorId: 'ov1', events: [{ type: 'widget_shown' }] }, { origin: OTHER.origin });
    const otherClick = (await t.widget('clicks', { programId: OTHER.id, code: olga, visitorId: 'of1' }, { origin: OTHER.origin, 'user-agent': BROWSER_UA })).json();
    await buy({ orderId: 'x1', amount: 7_000, currency: 'EUR', referral: { clickId: otherClick.clickId, visitorId: 'of1' } }, OTHER.secretKey);
    rollupsAfterHistory = stored(t.dbPath);
  });

  afterAll(async () => {
    await t.close();
  });

  it('hold the same counts and sums as the raw events, written as they happened', () => {
    const raw = fromRawEvents(t.dbPath);
    expect(rollupsAfterHistory.rollup_clicks).toEqual(raw.rollup_clicks);
    expect(rollupsAfterHistory.rollup_widget_events).toEqual(raw.rollup_widget_events);
    expect(rollupsAfterHistory.rollup_conversions).toEqual(raw.rollup_conversions);
    // A few of them by hand: f1 before midnight; f2, f3, the QR scan and Alice's laptop after it
    // (her phone is her own, and f2's second visit a repeat); o1 75.00 after its refund, o2
    // refunded whole, o4 30.00; the erased customer's 15.00 order stays an order.
    const demo = (rows: unknown[]) => rows.filter((row) => (row as { program_id: string }).program_id === 'demo');
    const day = (dayOfMonth: number) => at(dayOfMonth, 0) / 86_400_000;
    expect(demo(rollupsAfterHistory.rollup_clicks)).toEqual([
      { program_id: 'demo', day: day(15), device_type: 'desktop', browser: 'Chrome', os: 'Windows', clicks: 1, qr: 0 },
      { program_id: 'demo', day: day(16), device_type: 'desktop', browser: 'Firefox', os: 'Windows', clicks: 1, qr: 0 },
      { program_id: 'demo', day: day(16), device_type: 'desktop', browser: 'Safari', os: 'Mac OS', clicks: 1, qr: 0 },
      { program_id: 'demo', day: day(16), device_type: 'mobile', browser: 'Mobile Safari', os: 'iOS', clicks: 2, qr: 1 },
    ]);
    expect(demo(rollupsAfterHistory.rollup_conversions)).toEqual([
      { program_id: 'demo', day: day(16), currency: 'EUR', attributed: 0, coupon_only: 0, orders: 1, revenue: 1_500 },
      { program_id: 'demo', day: day(16), currency: 'EUR', attributed: 1, coupon_only: 0, orders: 2, revenue: 7_500 + 3_000 },
      { program_id: 'demo', day: day(16), currency: 'EUR', attributed: 1, coupon_only: 1, orders: 1, revenue: 0 },
      { program_id: 'demo', day: day(16), currency: 'USD', attributed: 0, coupon_only: 0, orders: 1, revenue: 2_000 },
    ]);
  });

  it('are rebuilt from the raw tables exactly as they were written, sketches included', () => {
    expect(rollupsAfterHistory.rollup_sketches.length).toBeGreaterThan(5);
    const db = new Database(t.dbPath);
    try {
      db.exec('DELETE FROM rollup_sketches; DELETE FROM rollup_clicks;');
      rebuildRollups(db);
    } finally {
      db.close();
    }
    expect(stored(t.dbPath)).toEqual(rollupsAfterHistory);
  });
});
