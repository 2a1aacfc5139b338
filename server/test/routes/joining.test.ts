import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIdentity } from '../../../shared/src/identity-signature.ts';
import { createTestApp, DEMO, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('who may join: join policy and invitations', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const join = (email: string, extra: Record<string, unknown> = {}, key: string = DEMO.secretKey) =>
    t.api('POST', '/v1/ambassadors', { email, ...extra }, key);
  const policy = (joinPolicy: string, key: string = DEMO.secretKey) => t.api('PUT', '/v1/program/join-policy', { joinPolicy }, key);
  const signedSession = (email: string) => {
    const timestamp = t.clock.now;
    return t.widget('session', {
      programId: 'demo',
      visitorId: 'visitor-1',
      identity: { email, timestamp, signature: signIdentity(DEMO.secretKey, { programId: 'demo', email, timestamp }) },
    });
  };

  it('is open by default, and the policy is read and changed by the owner', async () => {
    expect((await t.api('GET', '/v1/program/join-policy')).json()).toEqual({ joinPolicy: 'open' });
    expect((await join('anyone@example.com')).statusCode).toBe(201);
    expect((await policy('customers')).json()).toEqual({ joinPolicy: 'customers' });
    expect((await t.api('GET', '/v1/program/join-policy')).json()).toEqual({ joinPolicy: 'customers' });
    // Another program keeps its own policy.
    expect((await t.api('GET', '/v1/program/join-policy', undefined, OTHER.secretKey)).json()).toEqual({ joinPolicy: 'open' });
    const bad = await policy('everyone');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_request');
  });

  it('customers: only an email or customer id with an order that stands may join', async () => {
    await policy('customers');
    const refused = await join('bob@example.com');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('join_requires_purchase');
    expect(t.count('ambassadors')).toBe(0);

    await t.api('POST', '/v1/conversions', { orderId: 'o1', amount: 2_000, currency: 'EUR', customer: { email: 'Bob@Example.com' } });
    expect((await join('bob@example.com')).statusCode).toBe(201);
    // By customer id, with another email.
    await t.api('POST', '/v1/conversions', { orderId: 'o2', amount: 2_000, currency: 'EUR', customer: { id: 'c-7' } });
    expect((await join('carol@example.com', { customerId: 'c-7' })).statusCode).toBe(201);
    // A refunded order does not count.
    await t.api('POST', '/v1/conversions', { orderId: 'o3', amount: 2_000, currency: 'EUR', customer: { email: 'dave@example.com' } });
    await t.api('POST', '/v1/conversions/o3/refunds', {});
    expect((await join('dave@example.com')).json().error.code).toBe('join_requires_purchase');
    // An order in another program does not count either.
    await t.api('POST', '/v1/conversions', { orderId: 'x1', amount: 2_000, currency: 'EUR', customer: { email: 'erin@example.com' } }, OTHER.secretKey);
    expect((await join('erin@example.com')).json().error.code).toBe('join_requires_purchase');
  });

  it('invite only: invitations are managed by the owner, and only invited emails join', async () => {
    const existing = (await join('early@example.com')).json().code;
    await policy('invite_only');
    // Someone who joined before stays an ambassador.
    expect((await join('early@example.com')).statusCode).toBe(200);
    expect((await t.api('GET', `/v1/ambassadors/${existing}`)).statusCode).toBe(200);

    const refused = await join('bob@example.com');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('join_requires_invitation');

    const invited = await t.api('POST', '/v1/invitations', { email: 'Bob@example.com' });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toEqual({ email: 'Bob@example.com', createdAt: t.clock.now });
    expect((await t.api('POST', '/v1/invitations', { email: 'bob@example.com' })).statusCode).toBe(200);
    await t.api('POST', '/v1/invitations', { email: 'carol@example.com' });
    expect((await t.api('GET', '/v1/invitations')).json().invitations.map((i: { email: string }) => i.email)).toEqual(['Bob@example.com', 'carol@example.com']);
    // Invitations are per program.
    expect((await t.api('GET', '/v1/invitations', undefined, OTHER.secretKey)).json()).toEqual({ invitations: [] });

    expect((await join('bob@example.com')).statusCode).toBe(201);
    expect((await t.api('DELETE', '/v1/invitations/carol@example.com')).statusCode).toBe(204);
    const gone = await t.api('DELETE', '/v1/invitations/carol@example.com');
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('invitation_not_found');
    expect((await join('carol@example.com')).json().error.code).toBe('join_requires_invitation');
    expect((await t.api('POST', '/v1/invitations', { email: 'not-an-email' })).json().error.code).toBe('invalid_request');
    expect((await t.api('POST', '/v1/invitations', { email: 'a@b.example' }, 'sk_wrong')).statusCode).toBe(401);
  });

  it("holds for the widget's signed identity too: the panel opens without an ambassador", async () => {
    await policy('invite_only');
    const refused = await signedSession('stranger@example.com');
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ ambassador: null, joinRefused: 'join_requires_invitation' });
    expect(t.count('ambassadors')).toBe(0);

    await t.api('POST', '/v1/invitations', { email: 'stranger@example.com' });
    const joined = (await signedSession('stranger@example.com')).json();
    expect(joined.ambassador).not.toBeNull();
    expect(joined.joinRefused).toBeUndefined();

    await policy('customers');
    expect((await signedSession('new@example.com')).json()).toMatchObject({ ambassador: null, joinRefused: 'join_requires_purchase' });
  });
});
