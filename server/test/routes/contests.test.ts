import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DAY, HOUR, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('contests', () => {
  let t: TestApp;
  let alice: string;
  let bob: string;
  let carol: string;
  let orders = 0;
  beforeEach(async () => {
    t = await createTestApp();
    alice = await t.ambassador('alice@example.com');
    bob = await t.ambassador('bob@example.com');
    carol = await t.ambassador('carol@example.com');
  });
  afterEach(async () => {
    await t.close();
  });

  const refer = async (code: string) => {
    orders += 1;
    const orderId = `o${orders}`;
    await t.api('POST', '/v1/conversions', { orderId, amount: 2_000, currency: 'EUR', couponCode: code, customer: { email: `friend${orders}@example.com` } });
    return orderId;
  };

  it('ranks by successful referrals in the window, ties to who got there first, and settles once after the end', async () => {
    const startsAt = t.clock.now + DAY;
    const endsAt = startsAt + 7 * DAY;
    const created = await t.api('POST', '/v1/contests', { name: 'Spring', startsAt, endsAt, winners: 2, prizes: ['Gold', 'Silver'] });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    expect(created.json()).toMatchObject({ name: 'Spring', status: 'upcoming', settledAt: null, standings: [] });

    await refer(alice); // before the start: does not count
    t.clock.advance(DAY);
    await refer(bob);
    t.clock.advance(HOUR);
    await refer(bob); // Bob reaches 2 first
    t.clock.advance(HOUR);
    await refer(alice);
    t.clock.advance(HOUR);
    await refer(alice);
    t.clock.advance(HOUR);
    const refunded = await refer(carol);
    await t.api('POST', `/v1/conversions/${refunded}/refunds`, {}); // refunded in full: not a successful referral
    t.clock.advance(HOUR);
    await refer(carol);

    const live = (await t.api('GET', `/v1/contests/${id}`)).json();
    expect(live.status).toBe('running');
    expect(live.standings).toEqual([
      { rank: 1, ambassadorCode: bob, referrals: 2, reachedAt: startsAt + HOUR, winner: true, prize: 'Gold' },
      { rank: 2, ambassadorCode: alice, referrals: 2, reachedAt: startsAt + 3 * HOUR, winner: true, prize: 'Silver' },
      { rank: 3, ambassadorCode: carol, referrals: 1, reachedAt: startsAt + 5 * HOUR, winner: false },
    ]);

    const early = await t.api('POST', `/v1/contests/${id}/settle`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('contest_not_over');
    expect(t.count('contests', 'settled_at IS NOT NULL')).toBe(0);

    t.clock.advance(7 * DAY);
    await refer(carol); // after the end: does not count
    expect((await t.api('GET', `/v1/contests/${id}`)).json().status).toBe('ended');
    const settled = await t.api('POST', `/v1/contests/${id}/settle`);
    expect(settled.statusCode).toBe(200);
    expect(settled.json()).toMatchObject({ status: 'settled', settledAt: t.clock.now, standings: live.standings });

    // Frozen: a later refund changes nothing, and settling again returns the same.
    await t.api('POST', '/v1/conversions/o2/refunds', {});
    t.clock.advance(DAY);
    expect((await t.api('POST', `/v1/contests/${id}/settle`)).json()).toEqual(settled.json());
    expect((await t.api('GET', `/v1/contests/${id}`)).json()).toEqual(settled.json());

    const list = (await t.api('GET', '/v1/contests')).json();
    expect(list.contests).toHaveLength(1);
    expect(list.contests[0]).toMatchObject({ id, status: 'settled' });
    expect(list.contests[0].standings).toBeUndefined();
  });

  it('refuses bad input and other programs', async () => {
    const now = t.clock.now;
    for (const body of [
      { name: 'x', startsAt: now, endsAt: now, winners: 1 },
      { name: '', startsAt: now, endsAt: now + DAY, winners: 1 },
      { name: 'x', startsAt: now, endsAt: now + DAY, winners: 0 },
      { name: 'x', startsAt: now, endsAt: now + DAY, winners: 1, prizes: [''] },
      { name: 'x', startsAt: 'now', endsAt: now + DAY, winners: 1 },
    ]) {
      const bad = await t.api('POST', '/v1/contests', body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json().error.code).toBe('invalid_request');
    }
    expect(t.count('contests')).toBe(0);
    const { id } = (await t.api('POST', '/v1/contests', { name: 'Ours', startsAt: now, endsAt: now + DAY, winners: 3 })).json();
    for (const [method, url] of [['GET', `/v1/contests/${id}`], ['POST', `/v1/contests/${id}/settle`]] as const) {
      const response = await t.api(method, url, undefined, OTHER.secretKey);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('contest_not_found');
    }
    expect((await t.api('GET', '/v1/contests', undefined, OTHER.secretKey)).json()).toEqual({ contests: [] });
  });
});
