import { signIdentity } from '../../../shared/src/identity-signature.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveProgram } from '../../src/services/programs.ts';
import { BROWSER_UA, createTestApp, DAY, DEMO, HOUR, MINUTE, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('POST /v1/widget/clicks', () => {
  let t: TestApp;
  let code: string;
  beforeEach(async () => {
    t = await createTestApp();
    code = await t.ambassador('alice@example.com');
  });
  afterEach(async () => {
    await t.close();
  });

  const click = (body: Record<string, unknown>, headers?: Record<string, string>) =>
    t.widget('clicks', { programId: 'demo', code, visitorId: 'visitor-1', ...body }, headers);
  const shortLink = async (remoteAddress = '198.51.100.4') => {
    const response = await t.inject({ method: 'GET', url: `/r/${code}`, headers: { 'user-agent': BROWSER_UA }, remoteAddress });
    return String(new URL(String(response.headers.location)).searchParams.get('sarafan_click'));
  };

  it('counts a new click and records where it happened', async () => {
    const response = await click({ url: 'http://localhost:3000/?ref=x', referrer: 'https://social.example/post/1' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({ clickId: expect.stringMatching(/^[A-Za-z0-9_-]+$/), counted: true });
    expect(t.count('clicks', `id = '${body.clickId}' AND visitor_id = 'visitor-1' AND url LIKE 'http://localhost:3000/%' AND referrer = 'https://social.example/post/1'`)).toBe(1);
  });

  it('stores long URLs truncated', async () => {
    const response = await click({ url: `http://localhost:3000/?q=${'x'.repeat(20_000)}` });
    expect(response.statusCode).toBe(200);
    expect(t.count('clicks', 'length(url) = 1024')).toBe(1);
  });

  it('counts the same visitor twice within the window once', async () => {
    const first = (await click({})).json();
    t.clock.advance(59 * MINUTE);
    const second = (await click({})).json();
    expect(second).toEqual({ clickId: first.clickId, counted: false });
    expect(t.count('clicks')).toBe(1);
  });

  it('counts the same visitor again after the window', async () => {
    const first = (await click({})).json();
    t.clock.advance(HOUR + MINUTE);
    const second = (await click({})).json();
    expect(second.counted).toBe(true);
    expect(second.clickId).not.toBe(first.clickId);
    expect(t.count('clicks', 'counted = 1')).toBe(2);
  });

  it('counts different visitors separately', async () => {
    expect((await click({ visitorId: 'visitor-1' })).json().counted).toBe(true);
    expect((await click({ visitorId: 'visitor-2' })).json().counted).toBe(true);
    expect(t.count('clicks')).toBe(2);
  });

  it('claims the click of the short link instead of counting another', async () => {
    const clickId = await shortLink();
    const claimed = (await click({ clickId })).json();
    expect(claimed).toEqual({ clickId, counted: false });
    expect(t.count('clicks')).toBe(1);
    expect(t.count('clicks', `id = '${clickId}' AND visitor_id = 'visitor-1' AND counted = 1 AND claimed_at IS NOT NULL`)).toBe(1);
    // A reload of the landing page (same URL, same browser) changes nothing.
    expect((await click({ clickId })).json()).toEqual({ clickId, counted: false });
    // A later ?ref= visit from that browser is a repeat of the claimed click.
    expect((await click({})).json()).toEqual({ clickId, counted: false });
    expect(t.count('clicks')).toBe(1);
  });

  it('dedups a later short-link visit against a widget click from the same browser', async () => {
    const widgetClick = (await click({})).json();
    // inject's default remote address is 127.0.0.1 for both requests.
    const response = await t.inject({ method: 'GET', url: `/r/${code}`, headers: { 'user-agent': BROWSER_UA } });
    expect(new URL(String(response.headers.location)).searchParams.get('sarafan_click')).toBe(widgetClick.clickId);
    expect(t.count('clicks')).toBe(1);
  });

  it("answers a bot's beacon with its own click id, claiming and counting nothing", async () => {
    const clickId = await shortLink();
    const response = await click({ clickId }, { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
    expect(response.json()).toEqual({ clickId, counted: false });
    expect(t.count('clicks', `id = '${clickId}' AND visitor_id IS NULL AND claimed_at IS NULL`)).toBe(1);
    const fresh = (await click({}, { 'user-agent': 'curl/8.5.0' })).json();
    expect(fresh).toEqual({ clickId: expect.stringMatching(/^[A-Za-z0-9_-]+$/), counted: false });
    expect(t.count('clicks')).toBe(1);
  });

  it('stores the browser, OS and device type of a widget click', async () => {
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    const { clickId } = (await click({}, { 'user-agent': iphone })).json();
    expect(await t.store.findClick('demo', clickId)).toMatchObject({ browser: 'Mobile Safari', os: 'iOS', deviceType: 'mobile', qr: false });
  });

  it('counts a landing on a product page from its QR code (qr=1 in the address) as a QR click', async () => {
    const scanned = (await click({ visitorId: 'scanner', url: `https://shop.example/products/tote?ref=${code}&qr=1` })).json();
    const typed = (await click({ visitorId: 'typist', url: `https://shop.example/products/tote?ref=${code}&qr=0` })).json();
    expect(await t.store.findClick('demo', scanned.clickId)).toMatchObject({ qr: true, counted: true });
    expect(await t.store.findClick('demo', typed.clickId)).toMatchObject({ qr: false });
  });

  it('treats a landing URL shared onwards as a new click of the next browser', async () => {
    const clickId = await shortLink();
    await click({ clickId, visitorId: 'first-browser' });
    const next = (await click({ clickId, visitorId: 'second-browser' }, { 'user-agent': 'Mozilla/5.0 (iPhone) Safari/604.1' })).json();
    expect(next.counted).toBe(true);
    expect(next.clickId).not.toBe(clickId);
    expect(t.count('clicks', 'counted = 1')).toBe(2);
  });

  it('does not claim a click of another ambassador or a stale one', async () => {
    const bobCode = await t.ambassador('bob@example.com');
    const clickId = await shortLink();
    const otherAmbassador = (await t.widget('clicks', { programId: 'demo', code: bobCode, visitorId: 'v9', clickId })).json();
    expect(otherAmbassador.clickId).not.toBe(clickId);
    expect(otherAmbassador.counted).toBe(true);

    const stale = await shortLink('192.0.2.55');
    t.clock.advance(2 * HOUR);
    const late = (await click({ clickId: stale, visitorId: 'late-visitor' })).json();
    expect(late.clickId).not.toBe(stale);
    expect(late.counted).toBe(true);
  });

  // The batch size decides whether the duplicates meet inside one transaction (512), in a few
  // (4) or each in its own (1); the database must decide the same way every time.
  it.each([512, 4, 1])('counts concurrent duplicates once and answers all with the same click (batches of %i)', async (maxItems) => {
    const racing = await createTestApp({ clickBatch: { maxItems } });
    try {
      const racer = await racing.ambassador('racer@example.com');
      const responses = await Promise.all(
        Array.from({ length: 30 }, () => racing.widget('clicks', { programId: 'demo', code: racer, visitorId: 'racer' })),
      );
      const bodies = responses.map((response) => response.json<{ clickId: string; counted: boolean }>());
      expect(responses.every((response) => response.statusCode === 200)).toBe(true);
      expect(bodies.filter((body) => body.counted)).toHaveLength(1);
      expect(new Set(bodies.map((body) => body.clickId)).size).toBe(1);
      expect(racing.count('clicks')).toBe(1);
      expect(racing.count('clicks', `id = '${bodies[0]!.clickId}' AND counted = 1`)).toBe(1);
    } finally {
      await racing.close();
    }
  });

  it("stores the ambassador's own clicks as self and does not count them", async () => {
    const timestamp = t.clock.now;
    const identity = { email: 'alice@example.com', timestamp };
    const signature = signIdentity(DEMO.secretKey, { programId: 'demo', ...identity });
    await t.widget('session', { programId: 'demo', visitorId: 'alice-laptop', identity: { ...identity, signature } });

    const own = (await click({ visitorId: 'alice-laptop' })).json();
    expect(own.counted).toBe(false);
    expect(t.count('clicks', `id = '${own.clickId}' AND self = 1`)).toBe(1);
    const stats = (await t.api('GET', `/v1/ambassadors/${code}`)).json();
    expect(stats.clicks).toBe(0);
  });

  it('accepts a JSON body sent as text/plain (no CORS preflight)', async () => {
    const response = await t.inject({
      method: 'POST',
      url: '/v1/widget/clicks',
      headers: { origin: DEMO.origin, 'content-type': 'text/plain;charset=UTF-8', 'user-agent': BROWSER_UA },
      payload: JSON.stringify({ programId: 'demo', code, visitorId: 'plain' }),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().counted).toBe(true);
  });

  it('answers 404 for an unknown code, a code of another program and an unknown program', async () => {
    const otherCode = await t.ambassador('carol@other.example', {}, OTHER.secretKey);
    expect((await click({ code: 'NOSUCHCODE' })).json().error.code).toBe('referral_code_not_found');
    expect((await click({ code: otherCode })).statusCode).toBe(404);
    const unknownProgram = await click({ programId: 'nope' });
    expect(unknownProgram.statusCode).toBe(404);
    expect(unknownProgram.json().error.code).toBe('program_not_found');
    expect(t.count('clicks')).toBe(0);
  });

  describe('CORS', () => {
    it('allows the program origin, under both loopback names, and reflects it', async () => {
      for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000']) {
        const response = await click({ visitorId: `v-${origin.length}-${origin.charCodeAt(7)}` }, { origin });
        expect(response.statusCode).toBe(200);
        expect(response.headers['access-control-allow-origin']).toBe(origin);
      }
    });

    it('answers a preflight from an allowed origin', async () => {
      const response = await t.inject({
        method: 'OPTIONS',
        url: '/v1/widget/clicks',
        headers: { origin: DEMO.origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(DEMO.origin);
      expect(String(response.headers['access-control-allow-methods'])).toContain('POST');
      // The widget sends clicks with credentials, so that a first-party answer may set sarafan_ref.
      expect(response.headers['access-control-allow-credentials']).toBe('true');
    });

    it('refuses a preflight and a request from an origin no program allows', async () => {
      const preflight = await t.inject({
        method: 'OPTIONS',
        url: '/v1/widget/clicks',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.statusCode).toBe(404);

      const response = await click({}, { origin: 'https://evil.example' });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('origin_not_allowed');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(t.count('clicks')).toBe(0);
    });

    it("refuses another program's origin for this program", async () => {
      const response = await click({}, { origin: OTHER.origin });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('origin_not_allowed');
      expect(t.count('clicks')).toBe(0);
    });

    it('allows requests without an Origin (server-side callers)', async () => {
      const response = await t.inject({
        method: 'POST',
        url: '/v1/widget/clicks',
        payload: { programId: 'demo', code, visitorId: 'curl' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});

describe('POST /v1/widget/clicks sets sarafan_ref when reached under the shop\'s own site', () => {
  let t: TestApp;
  let code: string;
  const SHOP = 'https://shop.example';

  /** A shop at https://shop.example whose program keeps referrals for 14 days. */
  async function start(options: Parameters<typeof createTestApp>[0] = {}) {
    t = await createTestApp(options);
    await saveProgram(
      t.store,
      {
        id: 'shop',
        name: 'Shop',
        secretKey: 'sk_test_shop_key',
        landingUrl: `${SHOP}/`,
        allowedOrigins: [SHOP, 'http://shop.example', 'https://www.shop.example'],
        attributionWindowMs: 14 * DAY,
      },
      t.clock.read(),
    );
    code = await t.ambassador('alice@example.com', {}, 'sk_test_shop_key');
  }
  afterEach(async () => {
    await t.close();
  });

  const click = (headers: Record<string, string>) =>
    t.widget('clicks', { programId: 'shop', code, visitorId: 'visitor-1' }, headers);
  const setCookie = (response: { headers: Record<string, unknown> }) => response.headers['set-cookie'] as string | undefined;

  it('through a path the shop proxies (same host): HttpOnly, Secure on https, Lax, the attribution window', async () => {
    await start();
    // nginx `proxy_set_header Host $host`: the server sees the host the browser addressed.
    const response = await click({ origin: SHOP, host: 'shop.example' });
    expect(response.statusCode).toBe(200);
    const { clickId } = response.json();
    expect(setCookie(response)).toBe(`sarafan_ref=${code}.${clickId}; Path=/; Max-Age=${14 * 24 * 3600}; HttpOnly; Secure; SameSite=Lax`);
    // No Domain: a host-only cookie is the one a proxied path can always set.
    expect(setCookie(response)).not.toMatch(/Domain=/i);
  });

  it('is not Secure for an http page', async () => {
    await start();
    const response = await click({ origin: 'http://shop.example', host: 'shop.example' });
    expect(setCookie(response)).toMatch(/^sarafan_ref=[A-Z0-9]+\.[\w-]+; Path=\/; Max-Age=1209600; HttpOnly; SameSite=Lax$/);
  });

  it('names the click the answer names, also for a repeat (last click wins)', async () => {
    await start();
    const first = await click({ origin: SHOP, host: 'shop.example' });
    const repeat = await click({ origin: SHOP, host: 'shop.example' });
    expect(repeat.json()).toEqual({ clickId: first.json().clickId, counted: false });
    expect(setCookie(repeat)).toContain(`sarafan_ref=${code}.${first.json().clickId};`);
  });

  it('is absent when the server is a third party to the page', async () => {
    await start();
    const response = await click({ origin: SHOP, host: 'ref-host.example' });
    expect(response.statusCode).toBe(200);
    expect(setCookie(response)).toBeUndefined();
  });

  it('is absent without an Origin (not a browser acting for a page)', async () => {
    await start();
    const response = await t.inject({
      method: 'POST',
      url: '/v1/widget/clicks',
      headers: { host: 'shop.example' },
      payload: { programId: 'shop', code, visitorId: 'curl' },
    });
    expect(response.statusCode).toBe(200);
    expect(setCookie(response)).toBeUndefined();
  });

  it('is absent when the click is refused', async () => {
    await start();
    const response = await t.widget('clicks', { programId: 'shop', code: 'NOSUCHCODE', visitorId: 'v' }, { origin: SHOP, host: 'shop.example' });
    expect(response.statusCode).toBe(404);
    expect(setCookie(response)).toBeUndefined();
  });

  it('trusts X-Forwarded-Host only behind a trusted proxy', async () => {
    await start();
    const untrusted = await click({ origin: SHOP, host: '127.0.0.1:8787', 'x-forwarded-host': 'shop.example' });
    expect(setCookie(untrusted)).toBeUndefined();
    await t.close();

    await start({ trustProxy: true });
    const trusted = await click({ origin: SHOP, host: '127.0.0.1:8787', 'x-forwarded-host': 'shop.example' });
    expect(setCookie(trusted)).toMatch(/^sarafan_ref=.*; Path=\/; Max-Age=1209600; HttpOnly; Secure; SameSite=Lax$/);
  });

  it('on a subdomain, uses the configured cookie domain that the server and the page share', async () => {
    await start({ cookieDomains: ['shop.example'] });
    const response = await click({ origin: 'https://www.shop.example', host: 'sarafan.shop.example' });
    expect(setCookie(response)).toMatch(/^sarafan_ref=.*; Domain=shop\.example; Path=\/; Max-Age=1209600; HttpOnly; Secure; SameSite=Lax$/);

    // Without the setting the two hosts differ, and no Domain is made up.
    await t.close();
    await start();
    expect(setCookie(await click({ origin: 'https://www.shop.example', host: 'sarafan.shop.example' }))).toBeUndefined();
  });
});
