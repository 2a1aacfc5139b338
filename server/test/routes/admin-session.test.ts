import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, DEMO, HOUR, OTHER, type TestApp } from '../helpers/test-app.ts';

const OWN_ORIGIN = 'http://sarafan.test';

function cookieOf(response: LightMyRequestResponse): string {
  const header = String(response.headers['set-cookie'] ?? '');
  const match = /^sarafan_admin=([^;]*)/.exec(header);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return `sarafan_admin=${match[1]}`;
}

describe('owner dashboard sessions', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const signIn = (secretKey: string, remoteAddress = '203.0.113.7', headers: Record<string, string> = {}) =>
    t.inject({ method: 'POST', url: '/admin/session', payload: { secretKey }, remoteAddress, headers });

  /** Signs in as the demo program; returns the cookie header and the CSRF token. */
  async function session(secretKey: string = DEMO.secretKey): Promise<{ cookie: string; csrf: string }> {
    const response = await signIn(secretKey);
    expect(response.statusCode).toBe(200);
    return { cookie: cookieOf(response), csrf: response.json().csrfToken };
  }

  it('exchanges the secret key for an HttpOnly, SameSite=Strict cookie and stores only its hash', async () => {
    const response = await signIn(DEMO.secretKey);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      programId: 'demo',
      programName: expect.any(String),
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      expiresAt: t.clock.now + 12 * HOUR,
    });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^sarafan_admin=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict$/);
    expect(response.headers['cache-control']).toBe('no-store');
    const token = cookieOf(response).split('=')[1];
    expect(t.count('admin_sessions')).toBe(1);
    expect(t.count('admin_sessions', `token_hash = '${token}'`)).toBe(0);

    const current = await t.inject({ method: 'GET', url: '/admin/session', headers: { cookie: cookieOf(response) } });
    expect(current.statusCode).toBe(200);
    expect(current.json()).toEqual(response.json());
  });

  it('marks the cookie Secure when the request came over https', async () => {
    await t.close();
    t = await createTestApp({ trustProxy: true });
    const response = await signIn(DEMO.secretKey, '127.0.0.1', { 'x-forwarded-proto': 'https' });
    expect(String(response.headers['set-cookie'])).toContain('; HttpOnly; Secure; SameSite=Strict');
  });

  it('refuses a wrong key or a malformed body without a session, and another site signing someone in', async () => {
    const wrong = await signIn('sk_wrong');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_secret_key');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    for (const payload of [{}, { secretKey: '' }, { secretKey: 'a b' }, { secretKey: DEMO.secretKey, extra: 1 }, { secretKey: 42 }]) {
      const bad = await t.inject({ method: 'POST', url: '/admin/session', payload });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(bad.json().error.code).toBe('invalid_request');
    }
    const crossSite = await signIn(DEMO.secretKey, '203.0.113.7', { origin: 'https://evil.example' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('cross_origin_request');
    expect(t.count('admin_sessions')).toBe(0);
    expect((await signIn(DEMO.secretKey, '203.0.113.7', { origin: OWN_ORIGIN })).statusCode).toBe(200);
  });

  it('limits failed sign-ins per address for a while', async () => {
    for (let attempt = 0; attempt < 10; attempt++) expect((await signIn('sk_guess')).statusCode).toBe(401);
    const limited = await signIn(DEMO.secretKey);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('too_many_sign_in_attempts');
    expect((await signIn(DEMO.secretKey, '198.51.100.1')).statusCode).toBe(200);
    t.clock.advance(16 * 60_000);
    expect((await signIn(DEMO.secretKey)).statusCode).toBe(200);
  });

  it('answers 401 to GET /admin/session without a valid session', async () => {
    for (const cookie of [undefined, 'sarafan_admin=', 'sarafan_admin=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'other=1']) {
      const response = await t.inject({ method: 'GET', url: '/admin/session', headers: cookie ? { cookie } : {} });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('unauthorized');
    }
  });

  it('lets the cookie read the owner API, and write only with the CSRF token from the own origin', async () => {
    const { cookie, csrf } = await session();
    const read = await t.inject({ method: 'GET', url: '/v1/program', headers: { cookie } });
    expect(read.statusCode).toBe(200);
    expect(read.json().id).toBe('demo');

    const create = (headers: Record<string, string>) =>
      t.inject({ method: 'POST', url: '/v1/ambassadors', headers: { cookie, ...headers }, payload: { email: 'carol@example.com' } });
    const without = await create({});
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_token_invalid');
    const wrong = await create({ 'x-csrf-token': `${csrf.slice(0, -1)}${csrf.endsWith('x') ? 'y' : 'x'}` });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('csrf_token_invalid');
    const crossSite = await create({ 'x-csrf-token': csrf, origin: 'https://evil.example' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('cross_origin_request');
    expect(t.count('ambassadors')).toBe(0);

    expect((await create({ 'x-csrf-token': csrf, origin: OWN_ORIGIN })).statusCode).toBe(201);
    expect((await create({ 'x-csrf-token': csrf })).statusCode).toBe(200);
    expect(t.count('ambassadors')).toBe(1);
  });

  it('keeps each program to its own data, and Bearer keys working as before', async () => {
    const bob = await t.ambassador('bob@other.example', {}, OTHER.secretKey);
    const { cookie, csrf } = await session();
    const foreign = await t.inject({ method: 'GET', url: `/v1/ambassadors/${bob}`, headers: { cookie } });
    expect(foreign.statusCode).toBe(404);
    const own = await t.inject({ method: 'GET', url: `/v1/ambassadors/${bob}`, headers: { cookie: (await session(OTHER.secretKey)).cookie } });
    expect(own.statusCode).toBe(200);

    expect((await t.api('GET', '/v1/program')).json().id).toBe('demo');
    // An Authorization header decides alone: a cookie does not rescue a wrong key.
    const wrongKey = await t.inject({ method: 'GET', url: '/v1/program', headers: { cookie, authorization: 'Bearer sk_wrong' } });
    expect(wrongKey.statusCode).toBe(401);
    const bearer = await t.inject({
      method: 'POST',
      url: '/v1/rewards/approve-due',
      headers: { authorization: `Bearer ${OTHER.secretKey}`, cookie, 'x-csrf-token': csrf },
    });
    expect(bearer.statusCode).toBe(200);
  });

  it('expires after 12 hours and cleans expired sessions up at the next sign-in', async () => {
    const { cookie } = await session();
    t.clock.advance(12 * HOUR - 1);
    expect((await t.inject({ method: 'GET', url: '/v1/program', headers: { cookie } })).statusCode).toBe(200);
    t.clock.advance(1);
    expect((await t.inject({ method: 'GET', url: '/v1/program', headers: { cookie } })).statusCode).toBe(401);
    expect((await t.inject({ method: 'GET', url: '/admin/session', headers: { cookie } })).statusCode).toBe(401);
    expect(t.count('admin_sessions')).toBe(1);
    await session();
    expect(t.count('admin_sessions')).toBe(1);
  });

  it('signs out with the CSRF token, after which the cookie opens nothing', async () => {
    const { cookie, csrf } = await session();
    const forged = await t.inject({ method: 'DELETE', url: '/admin/session', headers: { cookie } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('csrf_token_invalid');

    const out = await t.inject({ method: 'DELETE', url: '/admin/session', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^sarafan_admin=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict$/);
    expect(t.count('admin_sessions')).toBe(0);
    expect((await t.inject({ method: 'GET', url: '/v1/program', headers: { cookie } })).statusCode).toBe(401);
    // Signing out twice (another tab) is not an error.
    expect((await t.inject({ method: 'DELETE', url: '/admin/session', headers: { cookie } })).statusCode).toBe(204);
  });
});
