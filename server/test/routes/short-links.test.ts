import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_UA, createTestApp, DEMO, OTHER, type TestApp } from '../helpers/test-app.ts';

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

  it('redirects bots, link previews, empty user agents and HEAD requests without counting', async () => {
    const cases: Array<[Record<string, string>, 'GET' | 'HEAD']> = [
      [{ 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' }, 'GET'],
      [{ 'user-agent': 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' }, 'GET'],
      [{ 'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' }, 'GET'],
      [{ 'user-agent': '' }, 'GET'],
      [{}, 'GET'],
      [{ 'user-agent': BROWSER_UA }, 'HEAD'],
    ];
    for (const [headers, method] of cases) {
      const response = await follow(`/r/${code}`, headers, method);
      expect(response.statusCode).toBe(302);
      const location = new URL(String(response.headers.location));
      expect(location.searchParams.get('ref')).toBe(code);
      expect(location.searchParams.has('sarafan_click')).toBe(false);
    }
    expect(t.count('clicks')).toBe(0);
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
