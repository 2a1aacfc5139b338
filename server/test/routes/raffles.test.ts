import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawRaffle } from '../../../shared/src/draws/raffle-draw.ts';
import { DEFAULT_REWARD_RULES, type RewardRules } from '../../../shared/src/reward-rules/rules.ts';
import { createTestApp, DAY, OTHER, type TestApp } from '../helpers/test-app.ts';

const raffleRules: RewardRules = {
  ...structuredClone(DEFAULT_REWARD_RULES),
  referrer: { kind: 'raffle_entries', rate: { type: 'percent', basisPoints: 0 }, entriesPerConversion: 2 },
};

describe('raffles', () => {
  let t: TestApp;
  let codes: string[];
  let orders = 0;
  beforeEach(async () => {
    t = await createTestApp();
    expect((await t.api('PUT', '/v1/program/rules', raffleRules)).statusCode).toBe(201);
    codes = [await t.ambassador('alice@example.com'), await t.ambassador('bob@example.com'), await t.ambassador('carol@example.com')];
  });
  afterEach(async () => {
    await t.close();
  });

  const refer = async (code: string, times: number) => {
    for (let i = 0; i < times; i++) {
      orders += 1;
      const response = await t.api('POST', '/v1/conversions', {
        orderId: `o${orders}`,
        amount: 2_000,
        currency: 'EUR',
        couponCode: code,
        customer: { email: `friend${orders}@example.com` },
      });
      expect(response.json().reward).toMatchObject({ amount: 2, currency: 'entries' });
    }
  };

  it('draws winners weighted by approved entries, stores the draw, and anyone can re-run it', async () => {
    const [alice, bob, carol] = codes as [string, string, string];
    await refer(alice, 3);
    await refer(bob, 1);
    const start = t.clock.now;
    t.clock.advance(14 * DAY);
    await t.api('POST', '/v1/rewards/approve-due');
    // Carol's entries are still pending: they do not take part.
    await refer(carol, 2);

    const response = await t.api('POST', '/v1/raffles', { winners: 1, prize: 'A year of coffee', seed: 'spring-2025' });
    expect(response.statusCode).toBe(201);
    const raffle = response.json();
    const entrants = [
      { ambassadorCode: alice, entries: 6 },
      { ambassadorCode: bob, entries: 2 },
    ].sort((a, b) => (a.ambassadorCode < b.ambassadorCode ? -1 : 1));
    expect(raffle).toMatchObject({ prize: 'A year of coffee', seed: 'spring-2025', algorithm: 'sha256-weighted-v1', winnerCount: 1, from: null, to: null, entrants });
    const expected = drawRaffle('spring-2025', entrants, 1);
    expect(raffle.winners).toEqual([{ rank: 1, ambassadorCode: expected[0], entries: entrants.find((e) => e.ambassadorCode === expected[0])?.entries }]);
    expect((await t.api('GET', `/v1/raffles/${raffle.id}`)).json()).toEqual(raffle);

    // More winners than entrants: everyone wins once. Without a seed: 32 random bytes, recorded.
    const all = (await t.api('POST', '/v1/raffles', { winners: 5, from: start, to: t.clock.now })).json();
    expect(all.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(all.winners.map((w: { ambassadorCode: string }) => w.ambassadorCode).sort()).toEqual([alice, bob].sort());
    expect(all.winners.map((w: { ambassadorCode: string }) => w.ambassadorCode)).toEqual(drawRaffle(all.seed, all.entrants, 5));
    expect(t.count('raffles')).toBe(2);
  });

  it('refuses a draw with nobody in it, bad input, and another program', async () => {
    const none = await t.api('POST', '/v1/raffles', { winners: 1 });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('no_raffle_entries');
    for (const body of [{ winners: 0 }, { winners: 1, from: 10, to: 5 }, { winners: 1, seed: '' }, { winners: 1, extra: true }, { winners: '1' }]) {
      const bad = await t.api('POST', '/v1/raffles', body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json().error.code).toBe('invalid_request');
    }
    expect(t.count('raffles')).toBe(0);

    await refer(codes[0] ?? '', 1);
    t.clock.advance(14 * DAY);
    await t.api('POST', '/v1/rewards/approve-due');
    const raffle = (await t.api('POST', '/v1/raffles', { winners: 1 })).json();
    const elsewhere = await t.api('GET', `/v1/raffles/${raffle.id}`, undefined, OTHER.secretKey);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.code).toBe('raffle_not_found');
    expect((await t.api('GET', '/v1/raffles/abc')).statusCode).toBe(400);
  });
});
