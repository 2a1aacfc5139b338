import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveProgram } from '../../src/services/programs.ts';
import { BROWSER_UA, createTestApp, DAY, DEMO, MINUTE, OTHER, type TestApp } from '../helpers/test-app.ts';
import { BROWSERS } from '../helpers/user-agents.ts';

describe('GET /r/{code}', () => {
  let t: TestApp;
  let code: string;
  beforeEach(async () => {
    t = await createTestApp();
    code = await t.ambassador('alice@example.com');
  });
  afterEach(async () => {
    await t.close();
  });

  const follow = (url: string, headers: Record<string, string> = { 'user-agent': BROWSER_UA }, method: 'GET' | 'HEAD' = 'GET') =>
    t.inject({ method, url, headers, remoteAddress: '203.0.113.7' });

  it('counts a person and redirects with ref and the click id', async () => {
    const response = await follow(`/r/${code}`);
    expect(response.statusCode).toBe(302);
    expect(response.headers['cache-control']).toBe('no-store');
    const location = new URL(String(response.headers.location));
    expect(location.origin + location.pathname).toBe('http://localhost:3000/');
    expect(location.searchParams.get('ref')).toBe(code);
    const clickId = location.searchParams.get('sarafan_click');
    expect(clickId).toMatch(/^[A-Za-z0-9_-]{10,64}$/);
    expect(t.count('clicks', `id = '${clickId}' AND source = 'link' AND counted = 1`)).toBe(1);
  });

  it('matches codes case-insensitively', async () => {
    const response = await follow(`/r/${code.toLowerCase()}`);
    expect(new URL(String(response.headers.location)).searchParams.get('ref')).toBe(code);
  });

  it('keeps the landing URL query of the program', async () => {
    const otherCode = await t.ambassador('bob@other.example', {}, OTHER.secretKey);
    const location = new URL(String((await follow(`/r/${otherCode}`)).headers.location));
    expect(`${location.origin}${location.pathname}`).toBe('https://other.example/welcome');
    expect(location.searchParams.get('lang')).toBe('en');
    expect(location.searchParams.get('ref')).toBe(otherCode);
  });

  it('counts a repeat from the same browser within the hour once', async () => {
    const first = new URL(String((await follow(`/r/${code}`)).headers.location));
    t.clock.advance(10 * 60_000);
    const second = new URL(String((await follow(`/r/${code}`)).headers.location));
    expect(second.searchParams.get('sarafan_click')).toBe(first.searchParams.get('sarafan_click'));
    expect(t.count('clicks')).toBe(1);
  });

  it('answers link-preview fetchers, other bots and HEAD requests with a preview page, counting nothing', async () => {
    const cases: Array<[Record<string, string>, 'GET' | 'HEAD']> = [
      [{ 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' }, 'GET'],
      [{ 'user-agent': 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' }, 'GET'],
      [{ 'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' }, 'GET'],
      [{ 'user-agent': BROWSER_UA }, 'HEAD'],
    ];
    for (const [headers, method] of cases) {
      const response = await follow(`/r/${code}`, headers, method);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers.vary).toBe('User-Agent');
      expect(response.headers.location).toBeUndefined();
      if (method === 'GET') expect(response.body).toContain('og:title');
    }
    expect(t.count('clicks')).toBe(0);
  });

  it('redirects a request without a user agent without counting it', async () => {
    for (const headers of [{ 'user-agent': '' }, { 'user-agent': '   ' }]) {
      const response = await follow(`/r/${code}`, headers);
      expect(response.statusCode).toBe(302);
      const location = new URL(String(response.headers.location));
      expect(location.searchParams.get('ref')).toBe(code);
      expect(location.searchParams.has('sarafan_click')).toBe(false);
    }
    expect(t.count('clicks')).toBe(0);
  });

  it('shows the program, the friend offer, the built-in card and the landing URL in the preview', async () => {
    const page = (await follow(`/r/${code}`, { 'user-agent': 'WhatsApp/2.23.20.0 A' })).body;
    const meta = (attribute: string, name: string) =>
      new RegExp(`<meta ${attribute}="${name}" content="([^"]*)">`).exec(page)?.[1];
    expect(page).toContain('<title>Sarafan demo shop</title>');
    expect(meta('property', 'og:title')).toBe('Sarafan demo shop');
    expect(meta('property', 'og:description')).toBe('Alice gives you 10% off at Sarafan demo shop');
    expect(meta('property', 'og:url')).toBe(`http://localhost:3000/?ref=${code}`);
    expect(page).toContain(`<link rel="canonical" href="http://localhost:3000/?ref=${code}">`);
    expect(meta('property', 'og:image')).toBe('http://sarafan.test/preview-card.png');
    expect(meta('property', 'og:image:width')).toBe('1200');
    expect(meta('property', 'og:image:height')).toBe('630');
    expect(meta('name', 'twitter:card')).toBe('summary_large_image');
    expect(meta('name', 'twitter:description')).toBe('Alice gives you 10% off at Sarafan demo shop');
    expect(meta('name', 'twitter:image')).toBe('http://sarafan.test/preview-card.png');
    expect(meta('name', 'robots')).toBe('noindex');
    // No redirect of any kind: a fetcher that follows one would preview the shop's page instead.
    expect(page).not.toMatch(/http-equiv|<script/i);

    const card = await t.inject({ method: 'GET', url: '/preview-card.png' });
    expect(card.statusCode).toBe(200);
    expect(card.headers['content-type']).toBe('image/png');
    expect(card.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });

  it("escapes every text in the preview and uses the program's own image", async () => {
    await saveProgram(
      t.store,
      {
        id: 'linden',
        name: 'Linden & Loom <Home> "Goods"',
        secretKey: 'sk_test_linden',
        landingUrl: 'https://linden.example/?utm_source=friends&lang=en',
        allowedOrigins: ['https://linden.example'],
        friendDiscountPercent: 15,
        previewImageUrl: 'https://cdn.linden.example/card.png?w=1200&h=630',
      },
      t.clock.now,
    );
    const lindenCode = await t.ambassador('eve@example.com', { name: `<script>alert('x')</script>` }, 'sk_test_linden');
    const page = (await follow(`/r/${lindenCode}`, { 'user-agent': 'TelegramBot (like TwitterBot)' })).body;
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<Home>');
    expect(page).toContain('<title>Linden &amp; Loom &lt;Home&gt; &quot;Goods&quot;</title>');
    expect(page).toContain(
      'content="&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; gives you 15% off at Linden &amp; Loom &lt;Home&gt; &quot;Goods&quot;"',
    );
    expect(page).toContain('<meta property="og:image" content="https://cdn.linden.example/card.png?w=1200&amp;h=630">');
    expect(page).not.toContain('og:image:width');
    expect(page).toContain(`<meta property="og:url" content="https://linden.example/?utm_source=friends&amp;lang=en&amp;ref=${lindenCode}">`);
  });

  it('marks a click from a QR code and stores browser, OS and device type', async () => {
    const iphone = BROWSERS['Safari on iPhone'];
    const scanned = new URL(String((await follow(`/r/${code}?qr=1`, { 'user-agent': iphone })).headers.location));
    expect(scanned.searchParams.has('qr')).toBe(false);
    const scannedId = scanned.searchParams.get('sarafan_click');
    const clicked = new URL(String((await follow(`/r/${code}?qr=0`)).headers.location)).searchParams.get('sarafan_click');
    expect(await t.store.findClick('demo', String(scannedId))).toMatchObject({
      qr: true,
      browser: 'Mobile Safari',
      os: 'iOS',
      deviceType: 'mobile',
    });
    expect(await t.store.findClick('demo', String(clicked))).toMatchObject({
      qr: false,
      browser: 'Chrome',
      os: 'Linux',
      deviceType: 'desktop',
    });
  });

  it('recognises a repeat across the midnight salt rotation, and never stores the IP', async () => {
    t.clock.now = Date.UTC(2025, 0, 15, 23, 50, 0);
    const before = new URL(String((await follow(`/r/${code}`)).headers.location)).searchParams.get('sarafan_click');
    t.clock.advance(20 * MINUTE);
    const after = new URL(String((await follow(`/r/${code}`)).headers.location)).searchParams.get('sarafan_click');
    expect(after).toBe(before);
    expect(t.count('clicks')).toBe(1);

    // The next day, past the window: a new click, stored under another salt.
    t.clock.advance(DAY);
    const nextDay = new URL(String((await follow(`/r/${code}`)).headers.location)).searchParams.get('sarafan_click');
    expect(nextDay).not.toBe(before);
    const [first, second] = await Promise.all([t.store.findClick('demo', String(before)), t.store.findClick('demo', String(nextDay))]);
    expect(first?.ipUaHash).toMatch(/^[0-9a-f]{32}$/);
    expect(second?.ipUaHash).not.toBe(first?.ipUaHash);
    expect(t.count('clicks', "ip_ua_hash LIKE '%203.0.113.7%' OR url LIKE '%203.0.113.7%' OR referrer LIKE '%203.0.113.7%'")).toBe(0);
  });

  it('counts concurrent duplicates of a short link once, and answers all of them with the same click', async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, () => follow(`/r/${code}`)));
    const clickIds = responses.map((response) => new URL(String(response.headers.location)).searchParams.get('sarafan_click'));
    expect(new Set(clickIds).size).toBe(1);
    expect(clickIds[0]).toBeTruthy();
    expect(t.count('clicks')).toBe(1);
    expect(t.count('clicks', 'counted = 1')).toBe(1);
  });

  it('answers an unknown code with a 404 page', async () => {
    for (const url of ['/r/NOSUCHCODE', '/r/x', `/r/${'A'.repeat(40)}`, "/r/'%20OR%201=1--"]) {
      const response = await follow(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('does not exist');
    }
    expect(t.count('clicks')).toBe(0);
  });

  it('sends an unknown code with ?program= to that landing page without a referral', async () => {
    const response = await follow('/r/NOSUCHCODE?program=other');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(OTHER.landingUrl);
    expect((await follow('/r/NOSUCHCODE?program=nope')).statusCode).toBe(404);
  });

  it("sends an unknown code to the default program's landing page without a referral", async () => {
    const withDefault = await createTestApp({ fallbackProgramId: 'demo' });
    try {
      const response = await withDefault.inject({ method: 'GET', url: '/r/NOSUCHCODE', headers: { 'user-agent': BROWSER_UA } });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe(`${DEMO.shopUrl}/`);
      expect(withDefault.count('clicks')).toBe(0);
    } finally {
      await withDefault.close();
    }
  });
});
