import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_UA, createTestApp, HOUR, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('POST /v1/ambassadors/{code}/block', () => {
  let t: TestApp;
  let alice: string;
  beforeEach(async () => {
    t = await createTestApp();
    alice = await t.ambassador('alice@example.com', { name: 'Alice' });
  });
  afterEach(async () => {
    await t.close();
  });

  const block = (blocked: boolean, note?: string, code = alice) =>
    t.api('POST', `/v1/ambassadors/${code}/block`, { blocked, ...(note === undefined ? {} : { note }) });
  const click = (visitorId: string) => t.widget('clicks', { programId: 'demo', code: alice, visitorId });
  const buy = (orderId: string, extra: Record<string, unknown>) =>
    t.api('POST', '/v1/conversions', { orderId, amount: 10_000, currency: 'EUR', customer: { email: `${orderId}@example.com` }, ...extra });

  it('blocks with a note, answers the summary, and keeps the first time when repeated', async () => {
    const blockedAt = t.clock.now;
    const response = await block(true, 'Coupon site');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ code: alice, name: 'Alice', blocked: true, clicks: 0, conversions: 0, revenue: [], fraudFlags: 0 });
    t.clock.advance(HOUR);
    expect((await block(true)).json().blocked).toBe(true);
    expect(t.count('ambassadors', `code = '${alice}' AND blocked_at = ${blockedAt}`)).toBe(1);
    expect((await t.api('GET', '/v1/ambassadors')).json().items[0]).toMatchObject({ code: alice, blocked: true });
  });

  it('stops counting the link and the code, and attributes nothing new', async () => {
    // Before: a counted click and an attributed order with a pending reward.
    const before = (await click('friend-1')).json();
    expect(before.counted).toBe(true);
    expect((await buy('o1', { referral: { clickId: before.clickId } })).json()).toMatchObject({ attributed: true, reward: { status: 'pending' } });
    const laterClick = (await click('friend-2')).json();

    expect((await block(true)).statusCode).toBe(200);
    // New clicks (widget and short link) are answered but not counted or stored.
    expect((await click('friend-3')).json()).toMatchObject({ counted: false });
    const link = await t.inject({ method: 'GET', url: `/r/${alice}`, headers: { 'user-agent': BROWSER_UA }, remoteAddress: '198.51.100.9' });
    expect(link.statusCode).toBe(302);
    expect(t.count('clicks')).toBe(2);
    // New conversions, by an earlier click or the coupon, are not attributed and earn nothing.
    for (const [orderId, extra] of [['o2', { referral: { clickId: laterClick.clickId } }], ['o3', { couponCode: alice }]] as const) {
      const body = (await buy(orderId, extra)).json();
      expect(body).toMatchObject({ attributed: false, reason: 'ambassador_blocked' });
      expect(body.reward).toBeUndefined();
    }
    // The reward earned before stays as it was: the owner decides in the review queue.
    expect(t.count('rewards', "status = 'pending'")).toBe(1);
    expect((await t.api('GET', `/v1/ambassadors/${alice}`)).json()).toMatchObject({ clicks: 2, conversions: 1 });

    // Unblocked, the link earns again.
    expect((await block(false)).json().blocked).toBe(false);
    expect(t.count('ambassadors', 'blocked_at IS NOT NULL')).toBe(0);
    expect((await click('friend-4')).json().counted).toBe(true);
    expect((await buy('o4', { couponCode: alice })).json().attributed).toBe(true);
  });

  it("refuses another program's ambassador, unknown codes and bad bodies", async () => {
    const olga = await t.ambassador('olga@other.example', {}, OTHER.secretKey);
    expect((await block(true, undefined, olga)).json().error.code).toBe('ambassador_not_found');
    expect((await block(true, undefined, 'NOSUCH2345')).statusCode).toBe(404);
    for (const body of [{}, { blocked: 'yes' }, { blocked: true, note: 'x'.repeat(1001) }, { blocked: true, extra: 1 }]) {
      const response = await t.api('POST', `/v1/ambassadors/${alice}/block`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(t.count('ambassadors', 'blocked_at IS NOT NULL')).toBe(0);
  });
});
