import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_UA, createTestApp, DEMO, OTHER, type TestApp } from '../helpers/test-app.ts';
import { BOTS } from '../helpers/user-agents.ts';

describe('POST /v1/widget/events', () => {
  let t: TestApp;
  let code: string;
  beforeEach(async () => {
    t = await createTestApp();
    code = await t.ambassador('alice@example.com');
  });
  afterEach(async () => {
    await t.close();
  });

  const send = (body: Record<string, unknown>, headers?: Record<string, string>) =>
    t.widget('events', { programId: 'demo', visitorId: 'visitor-1', ...body }, headers);

  it('stores each event with the server time, the placement, the channel and the ambassador', async () => {
    const response = await send({
      code: code.toLowerCase(),
      events: [
        { type: 'widget_shown', placement: 'product' },
        { type: 'panel_opened', placement: 'launcher' },
        { type: 'share', placement: 'launcher', channel: 'whatsapp' },
      ],
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: 3 });
    const now = t.clock.now;
    const ambassador = `(SELECT id FROM ambassadors WHERE code = '${code}')`;
    const mine = `program_id = 'demo' AND visitor_id = 'visitor-1' AND ambassador_id = ${ambassador} AND created_at = ${now}`;
    expect(t.count('widget_events', `${mine} AND type = 'widget_shown' AND placement = 'product' AND channel IS NULL`)).toBe(1);
    expect(t.count('widget_events', `${mine} AND type = 'panel_opened' AND placement = 'launcher'`)).toBe(1);
    expect(t.count('widget_events', `${mine} AND type = 'share' AND channel = 'whatsapp'`)).toBe(1);
  });

  it('accepts JSON sent as text/plain, as sendBeacon does', async () => {
    const response = await t.inject({
      method: 'POST',
      url: '/v1/widget/events',
      headers: { origin: DEMO.origin, 'user-agent': BROWSER_UA, 'content-type': 'text/plain;charset=UTF-8' },
      payload: JSON.stringify({ programId: 'demo', visitorId: 'visitor-1', events: [{ type: 'widget_shown' }] }),
    });
    expect(response.statusCode).toBe(202);
    expect(t.count('widget_events')).toBe(1);
  });

  it('stores an unknown code, or a code of another program, without an ambassador', async () => {
    const otherCode = await t.ambassador('olga@other.example', {}, OTHER.secretKey);
    expect((await send({ code: 'NOSUCH2345', events: [{ type: 'share', channel: 'qr' }] })).statusCode).toBe(202);
    expect((await send({ code: otherCode, events: [{ type: 'share', channel: 'sms' }] })).statusCode).toBe(202);
    expect(t.count('widget_events', 'ambassador_id IS NULL')).toBe(2);
  });

  it('answers bots and requests without a user agent, and stores nothing', async () => {
    const body = { events: [{ type: 'widget_shown' }] };
    for (const userAgent of [BOTS.Googlebot, BOTS['Headless Chrome'], '']) {
      const response = await send(body, { 'user-agent': userAgent });
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual({ accepted: 0 });
    }
    expect(t.count('widget_events')).toBe(0);
  });

  it('refuses a share without a channel, a channel on another event, and bad batches, writing nothing', async () => {
    const bad = [
      { events: [{ type: 'widget_shown' }, { type: 'share' }] },
      { events: [{ type: 'widget_shown' }, { type: 'panel_opened', channel: 'email' }] },
      { events: [] },
      { events: Array.from({ length: 21 }, () => ({ type: 'widget_shown' })) },
      { events: [{ type: 'clicked' }] },
      { events: [{ type: 'share', channel: 'carrier_pigeon' }] },
      { events: [{ type: 'widget_shown', placement: 'footer' }] },
      { events: [{ type: 'widget_shown', at: 5 }] },
      { code: 'no spaces', events: [{ type: 'widget_shown' }] },
      { visitorId: '', events: [{ type: 'widget_shown' }] },
    ];
    for (const body of bad) {
      const response = await send(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    }
    expect(t.count('widget_events')).toBe(0);
    expect((await send({ events: Array.from({ length: 20 }, () => ({ type: 'widget_shown' })) })).json()).toEqual({ accepted: 20 });
  });

  it('follows the CORS rules of the browser API', async () => {
    const foreign = await send({ events: [{ type: 'widget_shown' }] }, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('origin_not_allowed');
    const wrongProgram = await send({ events: [{ type: 'widget_shown' }] }, { origin: OTHER.origin });
    expect(wrongProgram.statusCode).toBe(403);
    expect((await send({ programId: 'nope', events: [{ type: 'widget_shown' }] })).json().error.code).toBe('program_not_found');
    const preflight = await t.inject({
      method: 'OPTIONS',
      url: '/v1/widget/events',
      headers: { origin: DEMO.origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBe(DEMO.origin);
    expect(t.count('widget_events')).toBe(0);
  });
});
