import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../helpers/test-app.ts';

describe('POST /v1/widget/forget', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('deletes the server-set sarafan_ref when first party, with the same scope', async () => {
    // inject addresses the server as localhost; the demo shop's page is http://localhost:3000.
    const response = await t.widget('forget', { programId: 'demo' });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(response.headers['set-cookie']).toBe('sarafan_ref=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['access-control-allow-origin']).toBe(DEMO.origin);
    expect(response.headers['access-control-allow-credentials']).toBe('true');
  });

  it('sets nothing when the server is a third party to the page', async () => {
    const response = await t.widget('forget', { programId: 'demo' }, { host: 'sarafan.test' });
    expect(response.statusCode).toBe(204);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('refuses an origin the program does not allow and bad input', async () => {
    const foreign = await t.widget('forget', { programId: 'demo' }, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.headers['set-cookie']).toBeUndefined();
    expect((await t.widget('forget', { programId: 'nope' })).statusCode).toBe(404);
    const invalid = await t.widget('forget', { programId: 'demo', extra: 1 });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('invalid_request');
  });
});
