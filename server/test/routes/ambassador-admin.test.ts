import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmbassadorListItem, AmbassadorListResponse } from '../../../shared/src/wire.ts';
import { createTestApp, DAY, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('GET /v1/ambassadors (the owner list)', () => {
  let t: TestApp;
  const codes: Record<string, string> = {};
  const list = async (query = '') => {
    const response = await t.api('GET', `/v1/ambassadors${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AmbassadorListResponse>();
  };
  const names = (body: AmbassadorListResponse) => body.items.map((item) => item.name);

  beforeAll(async () => {
    t = await createTestApp();
    // Created a day apart: Ann, then Ben, Cyd, Dee and 100%_Eve.
    for (const [name, email] of [['Ann', 'ann@example.com'], ['ben', 'ben@shop.example'], ['Cyd', 'cyd@example.com'], ['Dee', 'dee@example.com'], ['100%_Eve', 'eve@example.com']] as const) {
      codes[name] = await t.ambassador(email, { name });
      t.clock.advance(DAY);
    }
    // Clicks: Ben 3, Cyd 1. Conversions: Cyd 2 (EUR 50 + USD 20), Ben 1 (EUR 90, 30 refunded).
    for (const visitorId of ['b1', 'b2', 'b3']) await t.widget('clicks', { programId: 'demo', code: codes.ben, visitorId });
    await t.widget('clicks', { programId: 'demo', code: codes.Cyd, visitorId: 'c1' });
    const buy = (orderId: string, amount: number, currency: string, coupon: string, email: string) =>
      t.api('POST', '/v1/conversions', { orderId, amount, currency, couponCode: coupon, customer: { email } });
    await buy('o1', 5_000, 'EUR', codes.Cyd!, 'f1@example.com');
    await buy('o2', 2_000, 'USD', codes.Cyd!, 'f2@example.com');
    await buy('o3', 9_000, 'EUR', codes.ben!, 'f3@example.com');
    await t.api('POST', '/v1/conversions/o3/refunds', { amount: 3_000 });
    // Dee buys with her own code: the self-referral rule rejects the reward (a fraud flag).
    expect((await buy('o4', 4_000, 'EUR', codes.Dee!, 'dee@example.com')).json().reason).toBe('self_referral');
    // Another program's ambassador never shows.
    await t.ambassador('ann@other.example', { name: 'Ann Other' }, OTHER.secretKey);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the newest first by default, with each ambassador’s figures', async () => {
    const body = await list();
    expect(body.total).toBe(5);
    expect(names(body)).toEqual(['100%_Eve', 'Dee', 'Cyd', 'ben', 'Ann']);
    const cyd = body.items.find((item) => item.name === 'Cyd');
    expect(cyd).toEqual<AmbassadorListItem>({
      code: codes.Cyd!,
      name: 'Cyd',
      email: 'cyd@example.com',
      createdAt: expect.any(Number),
      clicks: 1,
      conversions: 2,
      revenue: [
        { amount: 5_000, currency: 'EUR' },
        { amount: 2_000, currency: 'USD' },
      ],
      tier: null,
      blocked: false,
      fraudFlags: 0,
    });
    expect(body.items.find((item) => item.name === 'ben')).toMatchObject({ clicks: 3, conversions: 1, revenue: [{ amount: 6_000, currency: 'EUR' }] });
    expect(body.items.find((item) => item.name === 'Dee')).toMatchObject({ conversions: 0, revenue: [], fraudFlags: 1 });
  });

  it('sorts by each column, both ways', async () => {
    expect(names(await list('?sort=createdAt&order=asc'))).toEqual(['Ann', 'ben', 'Cyd', 'Dee', '100%_Eve']);
    expect(names(await list('?sort=name&order=asc'))).toEqual(['100%_Eve', 'Ann', 'ben', 'Cyd', 'Dee']);
    expect(names(await list('?sort=clicks&order=desc')).slice(0, 2)).toEqual(['ben', 'Cyd']);
    expect(names(await list('?sort=conversions&order=desc')).slice(0, 2)).toEqual(['Cyd', 'ben']);
    // Revenue adds minor units across currencies for sorting: Cyd 70, Ben 60.
    expect(names(await list('?sort=revenue&order=desc')).slice(0, 2)).toEqual(['Cyd', 'ben']);
    expect(names(await list('?sort=revenue&order=asc')).slice(-2)).toEqual(['ben', 'Cyd']);
  });

  it('searches code, email and name, case-insensitively, with % and _ taken literally', async () => {
    expect(names(await list('?q=BEN'))).toEqual(['ben']);
    expect(names(await list('?q=shop.example'))).toEqual(['ben']);
    expect(names(await list(`?q=${codes.Cyd!.toLowerCase()}`))).toEqual(['Cyd']);
    expect(names(await list('?q=100%25_'))).toEqual(['100%_Eve']);
    expect(await list('?q=%25')).toMatchObject({ total: 1 });
    expect(await list('?q=nobody')).toEqual({ items: [], total: 0 });
  });

  it('pages with limit and offset, and says how many match', async () => {
    const page = await list('?sort=createdAt&order=asc&limit=2&offset=2');
    expect(names(page)).toEqual(['Cyd', 'Dee']);
    expect(page.total).toBe(5);
    expect((await list('?limit=100&offset=10')).items).toEqual([]);
  });

  it('refuses bad parameters with invalid_request', async () => {
    for (const query of ['?limit=101', '?limit=0', '?limit=ten', '?offset=-1', '?sort=email', '?order=up', `?q=${'x'.repeat(101)}`, '?page=2']) {
      const response = await t.api('GET', `/v1/ambassadors${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    }
  });

  it('shows another program only its own ambassadors', async () => {
    const response = await t.api('GET', '/v1/ambassadors', undefined, OTHER.secretKey);
    expect(response.json<AmbassadorListResponse>().items.map((item) => item.name)).toEqual(['Ann Other']);
  });
});
