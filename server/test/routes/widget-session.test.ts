import { IDENTITY_MAX_AGE_MS, signIdentity } from '../../../shared/src/identity-signature.ts';
import { formatReferralCookie } from '../../../shared/src/referral-cookie.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, MINUTE, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('POST /v1/widget/session', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const identity = (email: string, extra: { name?: string; customerId?: string; timestamp?: number } = {}, key: string = DEMO.secretKey) => {
    const timestamp = extra.timestamp ?? t.clock.now;
    const signature = signIdentity(key, { programId: 'demo', email, customerId: extra.customerId, timestamp });
    return { email, ...extra, timestamp, signature };
  };
  const session = (body: Record<string, unknown>) => t.widget('session', { programId: 'demo', visitorId: 'visitor-1', ...body });

  it('answers an anonymous visitor with the program and nothing else', async () => {
    const response = await session({});
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      program: { id: 'demo', name: 'Sarafan demo shop' },
      offer: null,
      ambassador: null,
      widget: { texts: {}, theme: {}, leaderboard: false },
    });
  });

  it("shows a referred friend the ambassador's offer", async () => {
    const code = await t.ambassador('alice.smith@example.com', { name: 'Alice' });
    const body = (await session({ referral: { code: code.toLowerCase() } })).json();
    expect(body.offer).toEqual({ ambassadorName: 'Alice', couponCode: code, discount: { type: 'percent', percent: 10 } });
    expect(body.ambassador).toBeNull();
  });

  it('has no offer for an unknown code or a code of another program', async () => {
    const otherCode = await t.ambassador('bob@other.example', {}, OTHER.secretKey);
    expect((await session({ referral: { code: 'NOSUCHCODE' } })).json().offer).toBeNull();
    expect((await session({ referral: { code: otherCode } })).json().offer).toBeNull();
  });

  it('creates the ambassador from a valid signed identity, with a default name', async () => {
    const response = await session({ identity: identity('jane.doe@example.com') });
    expect(response.statusCode).toBe(200);
    const ambassador = response.json().ambassador;
    expect(ambassador).toMatchObject({
      name: 'Jane.doe',
      couponCode: ambassador.code,
      link: `http://sarafan.test/r/${ambassador.code}`,
      offer: { ambassadorName: 'Jane.doe', couponCode: ambassador.code, discount: { type: 'percent', percent: 10 } },
      stats: { clicks: 0, friendsBought: 0 },
      rewards: [],
      totals: [],
    });
    expect(ambassador.code).toMatch(/^JANEDO[2-9A-HJKMNP-Z]{4}$/);
    expect(t.count('ambassadors', "email = 'jane.doe@example.com'")).toBe(1);
    expect(t.count('ambassador_visitors', "visitor_id = 'visitor-1'")).toBe(1);
  });

  it('finds the same ambassador again by normalised email (idempotent)', async () => {
    const first = (await session({ identity: identity('Jane.Doe+shop@gmail.com', { name: 'Jane' }) })).json().ambassador;
    const second = (await session({ visitorId: 'visitor-2', identity: identity('janedoe@gmail.com') })).json().ambassador;
    expect(second.code).toBe(first.code);
    expect(second.name).toBe('Jane');
    expect(t.count('ambassadors')).toBe(1);
    expect(t.count('ambassador_visitors')).toBe(2);
  });

  it('prefers the signed identity over a join token, and ignores a join token of nobody', async () => {
    const joined = (await t.widget('join', { programId: 'demo', visitorId: 'visitor-9', email: 'carol@example.com' })).json();
    const both = (await session({ identity: identity('alice@example.com'), joinToken: joined.joinToken })).json();
    expect(both.ambassador.code).toMatch(/^ALICE/);
    expect((await session({ joinToken: joined.joinToken })).json().ambassador.code).toBe(joined.ambassador.code);
    const garbled = await session({ joinToken: 'not-a-token' });
    expect(garbled.statusCode).toBe(200);
    expect(garbled.json().ambassador).toBeNull();
    expect((await session({ joinToken: 'x'.repeat(129) })).statusCode).toBe(400);
  });

  it("hides the offer of the ambassador's own link", async () => {
    const own = (await session({ identity: identity('alice@example.com') })).json().ambassador;
    const identified = (await session({ referral: { code: own.code }, identity: identity('alice@example.com') })).json();
    expect(identified.offer).toBeNull();
    expect(identified.ambassador.code).toBe(own.code);
    // Same browser, not identified this time: still recognised as the ambassador's.
    expect((await session({ referral: { code: own.code } })).json().offer).toBeNull();
    // A friend's browser sees it.
    expect((await session({ visitorId: 'friend', referral: { code: own.code } })).json().offer).not.toBeNull();
  });

  it('stops offering the discount once the friend has bought through the ambassador', async () => {
    const code = await t.ambassador('alice@example.com', { name: 'Alice' });
    const friend = { visitorId: 'friend-1', referral: { code } };
    expect((await session(friend)).json().offer).not.toBeNull();
    const bought = await t.api('POST', '/v1/conversions', {
      orderId: 'o-1',
      amount: 4500,
      currency: 'EUR',
      customer: { email: 'bob@example.com' },
      referral: { code, visitorId: 'friend-1' },
      couponCode: code,
    });
    expect(bought.json().attributed).toBe(true);
    expect((await session(friend)).json().offer).toBeNull();
    expect((await session({ visitorId: 'friend-2', referral: { code } })).json().offer).not.toBeNull();
  });

  it('takes the referral from the sarafan_ref cookie when the page cannot read it, and binds the friend who identifies', async () => {
    const code = await t.ambassador('alice@example.com', { name: 'Alice' });
    const click = await t.widget('clicks', { programId: 'demo', code, visitorId: 'carol-phone' });
    const cookie = `sarafan_ref=${formatReferralCookie({ code, clickId: click.json().clickId })}; sarafan_vid=carol-phone`;

    // A later page of the shop: no referral in the body (the loader cannot read the HttpOnly
    // cookie), Carol signs in, and the browser sends the cookie along.
    const signedIn = await t.widget('session', { programId: 'demo', visitorId: 'carol-phone', identity: identity('carol@example.com') }, { cookie });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().offer).toMatchObject({ couponCode: code });

    // Carol buys on her laptop, with no cookie and no coupon: the binding attributes the order.
    const order = await t.api('POST', '/v1/conversions', { orderId: 'o-laptop', amount: 3000, currency: 'EUR', customer: { email: 'carol@example.com' } });
    expect(order.json()).toMatchObject({ attributed: true, attributedVia: 'customer' });

    // A referral in the body wins over the cookie; a malformed cookie is no referral at all.
    const bob = await t.ambassador('bob@example.com', { name: 'Bob' });
    const body = { programId: 'demo', visitorId: 'dave', referral: { code: bob } };
    expect((await t.widget('session', body, { cookie })).json().offer).toMatchObject({ couponCode: bob });
    const garbled = await t.widget('session', { programId: 'demo', visitorId: 'dave' }, { cookie: 'sarafan_ref=%E0%A4%A; x=1' });
    expect(garbled.statusCode).toBe(200);
    expect(garbled.json().offer).toBeNull();
  });

  it('reports stats, rewards and totals of the ambassador', async () => {
    const code = (await session({ identity: identity('alice@example.com') })).json().ambassador.code;
    await t.widget('clicks', { programId: 'demo', code, visitorId: 'friend-1' });
    await t.widget('clicks', { programId: 'demo', code, visitorId: 'friend-2' });
    await t.api('POST', '/v1/conversions', { orderId: 'A-1', amount: 5000, currency: 'EUR', couponCode: code });
    await t.api('POST', '/v1/conversions', { orderId: 'A-2', amount: 2000, currency: 'USD', couponCode: code });
    const ambassador = (await session({ identity: identity('alice@example.com') })).json().ambassador;
    expect(ambassador.stats).toEqual({ clicks: 2, friendsBought: 2 });
    expect(ambassador.rewards).toHaveLength(2);
    expect(ambassador.totals).toEqual([
      { currency: 'EUR', pending: 500, approved: 0, paid: 0 },
      { currency: 'USD', pending: 200, approved: 0, paid: 0 },
    ]);
  });

  it('refuses a wrong signature, a signature by another key, a changed email and a changed customer id', async () => {
    const good = identity('alice@example.com', { customerId: 'cus_1' });
    const cases = [
      { ...good, signature: '0'.repeat(64) },
      { ...good, signature: 'not-hex' },
      identity('alice@example.com', { customerId: 'cus_1' }, OTHER.secretKey),
      { ...good, email: 'mallory@example.com' },
      { ...good, customerId: 'cus_2' },
    ];
    for (const forged of cases) {
      const response = await session({ identity: forged });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('invalid_identity_signature');
    }
    expect(t.count('ambassadors')).toBe(0);
  });

  it('refuses an expired identity and one from the future', async () => {
    const expired = identity('alice@example.com', { timestamp: t.clock.now - IDENTITY_MAX_AGE_MS - 1 });
    const future = identity('alice@example.com', { timestamp: t.clock.now + 10 * MINUTE });
    for (const stale of [expired, future]) {
      const response = await session({ identity: stale });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('invalid_identity_signature');
    }
    const slightlyAhead = identity('alice@example.com', { timestamp: t.clock.now + MINUTE });
    expect((await session({ identity: slightlyAhead })).statusCode).toBe(200);
  });

  it('answers 404 for an unknown program and 403 for a foreign origin', async () => {
    expect((await session({ programId: 'nope' })).json().error.code).toBe('program_not_found');
    const foreign = await t.widget('session', { programId: 'demo', visitorId: 'v' }, { origin: OTHER.origin });
    expect(foreign.statusCode).toBe(403);
  });
});
