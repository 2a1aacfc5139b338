import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIdentity } from '../../../shared/src/identity-signature.ts';
import { DEFAULT_REWARD_RULES } from '../../../shared/src/reward-rules/rules.ts';
import { JOIN_ATTEMPTS_PER_WINDOW, JOIN_WINDOW_MS } from '../../src/services/joining.ts';
import { createTestApp, DEMO, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('joining by email in the panel: POST /v1/widget/join', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const join = (body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    t.widget('join', { programId: 'demo', visitorId: 'visitor-1', email: 'carol@example.com', name: 'Carol', ...body }, headers);

  it('creates an unconfirmed ambassador and a join token whose hash alone is stored', async () => {
    const response = await join();
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const { ambassador, joinToken } = response.json();
    expect(joinToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ambassador).toMatchObject({ name: 'Carol', confirmed: false, link: `http://sarafan.test/r/${ambassador.code}`, rewards: [] });
    expect(t.count('ambassadors', "email = 'carol@example.com' AND confirmed = 0")).toBe(1);
    expect(t.count('ambassador_join_tokens')).toBe(1);
    expect(t.count('ambassador_join_tokens', `token_hash = '${joinToken}'`)).toBe(0);
    expect(t.count('ambassador_visitors', "visitor_id = 'visitor-1'")).toBe(1);

    // Later visits: the token shows the same panel; a wrong token shows none.
    const again = (await t.widget('session', { programId: 'demo', visitorId: 'visitor-1', joinToken })).json();
    expect(again.ambassador).toMatchObject({ code: ambassador.code, confirmed: false });
    const wrong = (await t.widget('session', { programId: 'demo', visitorId: 'visitor-1', joinToken: 'x'.repeat(43) })).json();
    expect(wrong.ambassador).toBeNull();
  });

  it('forgets the join token when the ambassador is erased; the email may join again', async () => {
    const { ambassador, joinToken } = (await join()).json();
    expect((await t.api('DELETE', `/v1/ambassadors/${ambassador.code}/personal-data`)).statusCode).toBe(200);
    expect(t.count('ambassador_join_tokens')).toBe(0);
    expect((await t.widget('session', { programId: 'demo', visitorId: 'visitor-1', joinToken })).json().ambassador).toBeNull();
    expect((await join({ visitorId: 'visitor-2' })).statusCode).toBe(201);
  });

  it('never hands out the panel of an existing ambassador (409, nothing written)', async () => {
    await t.ambassador('alice@example.com', { name: 'Alice' });
    const response = await join({ email: 'Alice@Example.com' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('ambassador_exists');
    expect(response.json().error.message).toMatch(/sign in at the shop/);
    expect(JSON.stringify(response.json())).not.toMatch(/ALICE|alice@/);
    expect(t.count('ambassador_join_tokens')).toBe(0);
    // Joining twice is the same.
    expect((await join({ email: 'dave@example.com' })).statusCode).toBe(201);
    expect((await join({ email: 'dave@example.com', visitorId: 'visitor-2' })).statusCode).toBe(409);
  });

  it.each([
    [{ email: 'mallory@mailinator.com' }, 400, 'disposable_email'],
    [{ email: 'not-an-email' }, 400, 'invalid_request'],
    [{ name: 'x'.repeat(101) }, 400, 'invalid_request'],
    [{ visitorId: 'bad id!' }, 400, 'invalid_request'],
    [{ extra: true }, 400, 'invalid_request'],
    [{ programId: 'nope' }, 404, 'program_not_found'],
  ])('refuses %j', async (body, status, code) => {
    const response = await join(body);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
    expect(t.count('ambassadors')).toBe(0);
  });

  it('refuses bots, other origins and requests without a user agent', async () => {
    expect((await join({}, { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' })).json().error.code).toBe('join_refused');
    expect((await join({}, { 'user-agent': '' })).statusCode).toBe(403);
    expect((await join({}, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect(t.count('ambassadors')).toBe(0);
  });

  it('limits attempts per browser and per address', async () => {
    for (let i = 0; i < JOIN_ATTEMPTS_PER_WINDOW; i++) expect((await join({ email: `p${i}@example.com` })).statusCode).toBe(201);
    const limited = await join({ email: 'late@example.com' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('too_many_requests');
    t.clock.advance(JOIN_WINDOW_MS);
    expect((await join({ email: 'late@example.com' })).statusCode).toBe(201);
  });

  it('limits attempts per public address, whatever the browser says, and not per private one', async () => {
    const proxied = await createTestApp({ trustProxy: true });
    try {
      const from = (ip: string, i: number) =>
        proxied.widget('join', { programId: 'demo', visitorId: `v${ip.length}-${i}`, email: `q${i}-${ip.length}@example.com` }, { 'x-forwarded-for': ip });
      for (let i = 0; i < JOIN_ATTEMPTS_PER_WINDOW; i++) expect((await from('203.0.113.9', i)).statusCode).toBe(201);
      expect((await from('203.0.113.9', 99)).statusCode).toBe(429);
      expect((await from('198.51.100.77', 99)).statusCode).toBe(201);
      // Many visitors behind one private address (an untrusted proxy) are not one visitor.
      for (let i = 0; i < JOIN_ATTEMPTS_PER_WINDOW + 2; i++) expect((await from('10.0.0.1', i)).statusCode).toBe(201);
    } finally {
      await proxied.close();
    }
  });

  it("holds an unconfirmed ambassador's rewards until the owner confirms them", async () => {
    const { ambassador } = (await join()).json();
    const order = await t.api('POST', '/v1/conversions', { orderId: 'o1', amount: 10_000, currency: 'EUR', couponCode: ambassador.code, customer: { email: 'friend@example.com' } });
    expect(order.json().reward).toMatchObject({ status: 'held', reasons: ['unconfirmed_ambassador'], amount: 1_000 });
    const owner = (await t.api('GET', '/v1/rewards?status=held')).json();
    expect(JSON.stringify(owner)).toContain('unconfirmed_ambassador');

    // Another program's key cannot confirm; an unknown code is 404.
    expect((await t.api('POST', `/v1/ambassadors/${ambassador.code}/confirm`, undefined, OTHER.secretKey)).statusCode).toBe(404);
    expect((await t.api('POST', '/v1/ambassadors/NOSUCH2345/confirm')).statusCode).toBe(404);
    expect((await t.inject({ method: 'POST', url: `/v1/ambassadors/${ambassador.code}/confirm` })).statusCode).toBe(401);

    expect((await t.api('GET', `/v1/ambassadors/${ambassador.code}`)).json().confirmed).toBe(false);
    const confirmed = await t.api('POST', `/v1/ambassadors/${ambassador.code}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ code: ambassador.code, confirmed: true, released: 1 });
    expect(t.count('rewards', "status = 'pending'")).toBe(1);
    expect(t.count('ledger_entries', "reason = 'ambassador_confirmed' AND from_bucket = 'held' AND to_bucket = 'pending' AND amount = 1000")).toBe(1);
    expect((await t.api('POST', `/v1/ambassadors/${ambassador.code}/confirm`)).json().released).toBe(0);
    expect((await t.api('GET', `/v1/ambassadors/${ambassador.code}`)).json()).not.toHaveProperty('confirmed');

    // Confirmed: new rewards are pending straight away, and the panel no longer says unconfirmed.
    const next = await t.api('POST', '/v1/conversions', { orderId: 'o2', amount: 5_000, currency: 'EUR', couponCode: ambassador.code, customer: { email: 'friend2@example.com' } });
    expect(next.json().reward.status).toBe('pending');
  });

  it('shows an ambassador their progress and lets them choose the split', async () => {
    await t.api('PUT', '/v1/program/rules', {
      ...structuredClone(DEFAULT_REWARD_RULES),
      milestones: [{ referrals: 3, amounts: { EUR: 500 } }],
      tiers: [{ name: 'Gold', fromReferrals: 10, bonusBasisPoints: 500 }],
      split: { enabled: true, choices: [0, 50, 100] },
    });
    const { ambassador, joinToken } = (await join()).json();
    await t.api('POST', '/v1/conversions', { orderId: 'o1', amount: 10_000, currency: 'EUR', couponCode: ambassador.code, customer: { email: 'f@example.com' } });
    const view = (await t.widget('session', { programId: 'demo', visitorId: 'visitor-1', joinToken })).json().ambassador;
    expect(view.progress).toEqual({ referrals: 1, nextMilestone: { referrals: 3, amounts: [{ amount: 500, currency: 'EUR' }] }, nextTier: { name: 'Gold', fromReferrals: 10 } });
    expect(view.split).toEqual({ choices: [0, 50, 100], friendSharePercent: null });

    const split = await t.widget('split', { programId: 'demo', visitorId: 'visitor-1', joinToken, friendSharePercent: 50 });
    expect(split.statusCode).toBe(200);
    expect(split.json()).toEqual({ friendSharePercent: 50 });
    expect(t.count('ambassadors', `code = '${ambassador.code}' AND friend_share_percent = 50`)).toBe(1);
    expect((await t.widget('split', { programId: 'demo', visitorId: 'visitor-1', joinToken, friendSharePercent: 30 })).statusCode).toBe(400);
    expect((await t.widget('split', { programId: 'demo', visitorId: 'visitor-1', friendSharePercent: 50 })).json().error.code).toBe('not_signed_in');
    expect((await t.widget('split', { programId: 'demo', visitorId: 'v', joinToken: 'y'.repeat(43), friendSharePercent: 50 })).statusCode).toBe(401);
    // With the shop's signed identity too.
    const timestamp = t.clock.now;
    const identity = { email: 'alice@example.com', timestamp, signature: signIdentity(DEMO.secretKey, { programId: 'demo', email: 'alice@example.com', timestamp }) };
    expect((await t.widget('split', { programId: 'demo', visitorId: 'v2', identity, friendSharePercent: 100 })).json()).toEqual({ friendSharePercent: 100 });
    // A join token of one program is nothing in another.
    expect((await t.widget('split', { programId: 'other', visitorId: 'v', joinToken, friendSharePercent: 50 }, { origin: OTHER.origin })).statusCode).toBe(401);
  });
});

describe('GET /v1/widget/leaderboard', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });
  const board = (programId = 'demo', origin: string = DEMO.origin) =>
    t.inject({ method: 'GET', url: `/v1/widget/leaderboard?programId=${programId}`, headers: { origin } });

  it('is off unless the owner turned it on', async () => {
    const response = await board();
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('leaderboard_disabled');
  });

  it('ranks by successful referrals with masked names, never emails, and only this program', async () => {
    await t.api('PUT', '/v1/program/widget', { texts: {}, theme: {}, leaderboard: true });
    const alice = await t.ambassador('alice.kowalska@example.com', { name: 'Alice Kowalska' });
    const bob = await t.ambassador('bob.secret@example.com');
    await t.ambassador('nobody@example.com', { name: 'No Referrals' });
    const otherCode = await t.ambassador('zed@other.example', { name: 'Zed' }, OTHER.secretKey);
    let n = 0;
    const buy = (code: string, key?: string) =>
      t.api('POST', '/v1/conversions', { orderId: `o${++n}`, amount: 1_000, currency: 'EUR', couponCode: code, customer: { email: `c${n}@example.com` } }, key);
    await buy(alice);
    await buy(alice);
    await buy(bob);
    await buy(otherCode, OTHER.secretKey);
    await t.api('POST', '/v1/conversions/o2/refunds', {});

    const response = await board();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      entries: [
        { rank: 1, name: 'Al*** K.', referrals: 1 },
        { rank: 2, name: 'Bo***', referrals: 1 },
      ],
    });
    expect(response.body).not.toMatch(/@|secret|Kowalska|Zed/);
    expect((await board('demo', 'https://evil.example')).statusCode).toBe(403);
    expect((await t.inject({ method: 'GET', url: '/v1/widget/leaderboard?programId=demo&x=1' })).statusCode).toBe(400);
  });
});
