import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DAY, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('attribution settings', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('reads and changes the window and model of the own program only', async () => {
    expect((await t.api('GET', '/v1/program/attribution')).json()).toEqual({ attributionWindowMs: 30 * DAY, attributionModel: 'last_click' });
    const changed = await t.api('PUT', '/v1/program/attribution', { attributionWindowMs: 7 * DAY, attributionModel: 'first_click' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ attributionWindowMs: 7 * DAY, attributionModel: 'first_click' });
    expect((await t.api('GET', '/v1/program/attribution')).json()).toEqual({ attributionWindowMs: 7 * DAY, attributionModel: 'first_click' });
    expect((await t.store.getProgram('demo'))?.attributionWindowMs).toBe(7 * DAY);
    expect((await t.api('GET', '/v1/program/attribution', undefined, OTHER.secretKey)).json().attributionModel).toBe('last_click');
  });

  it('attributes orders with the new window from then on', async () => {
    const alice = await t.ambassador('alice@example.com');
    const click = async (visitorId: string) => (await t.widget('clicks', { programId: 'demo', code: alice, visitorId })).json().clickId as string;
    const convert = (orderId: string, clickId: string, email: string) =>
      t.api('POST', '/v1/conversions', { orderId, amount: 5_000, currency: 'EUR', customer: { email }, referral: { code: alice, clickId } });
    const [early, later] = [await click('bob-browser'), await click('carol-browser')];
    t.clock.advance(3 * DAY);
    expect((await convert('o1', early, 'bob@example.com')).json().attributed).toBe(true);
    await t.api('PUT', '/v1/program/attribution', { attributionWindowMs: 2 * DAY, attributionModel: 'last_click' });
    expect((await convert('o2', later, 'carol@example.com')).json()).toMatchObject({ attributed: false, reason: 'outside_attribution_window' });
  });

  it('refuses bad settings without changing anything', async () => {
    for (const body of [
      {},
      { attributionWindowMs: 1_000, attributionModel: 'last_click' },
      { attributionWindowMs: 400 * DAY, attributionModel: 'last_click' },
      { attributionWindowMs: 7 * DAY, attributionModel: 'any_click' },
      { attributionWindowMs: '7', attributionModel: 'last_click' },
      { attributionWindowMs: 7 * DAY, attributionModel: 'last_click', extra: true },
    ]) {
      const response = await t.api('PUT', '/v1/program/attribution', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    }
    expect((await t.api('GET', '/v1/program/attribution')).json().attributionWindowMs).toBe(30 * DAY);
  });
});
