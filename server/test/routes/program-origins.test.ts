import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('allowed origins of the program', () => {
  let t: TestApp;
  let code: string;
  let visitor = 0;
  const NEW_SHOP = 'https://new-shop.example';
  const DEMO_ORIGINS = ['http://127.0.0.1:3000', 'http://localhost:3000'];
  const origins = (key?: string) => t.api('GET', '/v1/program/origins', undefined, key);
  const put = (allowedOrigins: unknown, key?: string) => t.api('PUT', '/v1/program/origins', { allowedOrigins }, key);
  /** A click from a page of `origin`, through the browser API. */
  const click = (origin: string) => t.widget('clicks', { programId: 'demo', code, visitorId: `visitor-${visitor++}` }, { origin });
  const preflight = (origin: string) =>
    t.inject({ method: 'OPTIONS', url: '/v1/widget/clicks', headers: { origin, 'access-control-request-method': 'POST' } });

  beforeEach(async () => {
    t = await createTestApp();
    code = await t.ambassador('alice@example.com');
  });
  afterEach(async () => {
    await t.close();
  });

  it('lets a new shop origin call the browser API at once after the PUT, and refuses it before', async () => {
    // Before: refused, and the refusal is in the browser API's cache.
    expect((await click(NEW_SHOP)).json().error.code).toBe('origin_not_allowed');
    expect((await preflight(NEW_SHOP)).headers['access-control-allow-origin']).toBeUndefined();

    const saved = await put([DEMO.origin, `${NEW_SHOP}/some/page?x=1`]);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ allowedOrigins: [...DEMO_ORIGINS, NEW_SHOP] });

    const allowed = await click(NEW_SHOP);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(NEW_SHOP);
    expect((await preflight(NEW_SHOP)).headers['access-control-allow-origin']).toBe(NEW_SHOP);
    expect(t.count('clicks')).toBe(1);

    // Taking the demo shop out refuses it as quickly.
    expect((await put([NEW_SHOP])).json()).toEqual({ allowedOrigins: [NEW_SHOP] });
    expect((await click(DEMO.origin)).json().error.code).toBe('origin_not_allowed');
    expect((await origins()).json()).toEqual({ allowedOrigins: [NEW_SHOP] });
    // Another program keeps its own.
    expect((await origins(OTHER.secretKey)).json()).toEqual({ allowedOrigins: [OTHER.origin] });
  });

  it('keeps each URL as its origin, adds the other loopback name, and drops repeats', async () => {
    const saved = await put(['HTTPS://Shop.Example:443/', 'https://shop.example/checkout', 'http://127.0.0.1:8080', 'http://shop.example:8443']);
    expect(saved.json()).toEqual({
      allowedOrigins: ['http://127.0.0.1:8080', 'http://localhost:8080', 'http://shop.example:8443', 'https://shop.example'],
    });
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [['https://fine.example', 'ftp://files.example'], 'invalid_origin'],
      [['shop.example'], 'invalid_origin'],
      [['*'], 'invalid_origin'],
      [['javascript:alert(1)'], 'invalid_origin'],
      [Array.from({ length: 51 }, (_, index) => `https://shop${index}.example`), 'invalid_request'],
      [[], 'invalid_request'],
      [[''], 'invalid_request'],
      ['https://shop.example', 'invalid_request'],
      [[42], 'invalid_request'],
      [[`https://${'a'.repeat(2_050)}.example`], 'invalid_request'],
    ];
    for (const [body, errorCode] of cases) {
      const response = await put(body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.json().error.code).toBe(errorCode);
    }
    const extra = await t.api('PUT', '/v1/program/origins', { allowedOrigins: [NEW_SHOP], more: true });
    expect(extra.json().error.code).toBe('invalid_request');
    expect((await origins()).json()).toEqual({ allowedOrigins: DEMO_ORIGINS });
    expect(t.count('program_origins', "program_id = 'demo'")).toBe(2);
    expect(t.count('program_origins', `origin LIKE '%fine.example%' OR origin LIKE '%shop0.example%'`)).toBe(0);
    // Fifty is allowed.
    const fifty = await put(Array.from({ length: 50 }, (_, index) => `https://shop${index}.example`));
    expect(fifty.json().allowedOrigins).toHaveLength(50);
  });

  it('needs the secret key', async () => {
    expect((await t.inject({ method: 'GET', url: '/v1/program/origins' })).statusCode).toBe(401);
    const anonymous = await t.inject({ method: 'PUT', url: '/v1/program/origins', payload: { allowedOrigins: [NEW_SHOP] } });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthorized');
    expect((await origins()).json()).toEqual({ allowedOrigins: DEMO_ORIGINS });
  });

  it('GET /v1/program shows the join policy and the allowed origins', async () => {
    expect((await t.api('GET', '/v1/program')).json()).toMatchObject({ id: 'demo', joinPolicy: 'open', allowedOrigins: DEMO_ORIGINS });
    await t.api('PUT', '/v1/program/join-policy', { joinPolicy: 'invite_only' });
    await put([NEW_SHOP]);
    expect((await t.api('GET', '/v1/program')).json()).toMatchObject({ joinPolicy: 'invite_only', allowedOrigins: [NEW_SHOP] });
    expect((await t.api('GET', '/v1/program', undefined, OTHER.secretKey)).json()).toMatchObject({
      id: 'other',
      joinPolicy: 'open',
      allowedOrigins: [OTHER.origin],
    });
  });
});
