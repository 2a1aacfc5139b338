import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhook, WEBHOOK_HEADERS } from '../../../shared/src/webhook-signature.ts';
import { RETRY_FOR_MS } from '../../src/domain/webhook-retry.ts';
import { ledgerViolations } from '../helpers/ledger-invariants.ts';
import { createTestApp, DAY, DEMO, OTHER, type TestApp } from '../helpers/test-app.ts';
import { WebhookReceiver } from '../helpers/webhook-receiver.ts';

describe('webhooks', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    t = await createTestApp();
    receiver = await WebhookReceiver.start();
  });
  afterEach(async () => {
    expect(ledgerViolations(t.dbPath)).toEqual([]);
    await t.close();
    await receiver.close();
  });

  const subscribe = async (events?: string[]) => {
    const response = await t.api('POST', '/v1/webhooks', { url: receiver.url, ...(events ? { events } : {}) });
    return response.json<{ id: number; secret: string }>();
  };
  const deliver = () => t.app.sarafanWebhooks.deliverDue();
  const log = async (id: number) => (await t.api('GET', `/v1/webhooks/${id}/deliveries`)).json().deliveries;

  it('delivers signed events of what happened, in order, once each', async () => {
    const endpoint = await subscribe();
    expect(endpoint.secret).toMatch(/^whsec_/);
    const code = await t.ambassador('alice@example.com', { name: 'Alice' });
    await t.api('POST', '/v1/conversions', { orderId: 'o1', amount: 10_000, currency: 'EUR', couponCode: code, customer: { email: 'bob@example.com' } });
    t.clock.advance(14 * DAY);
    await t.api('POST', '/v1/rewards/approve-due');

    expect(await deliver()).toBe(4);
    expect(await deliver()).toBe(0);
    expect(receiver.events().map((event) => event.type)).toEqual([
      'ambassador.created',
      'reward.created',
      'conversion.attributed',
      'reward.approved',
    ]);
    expect(receiver.events()[3]?.data.reward).toMatchObject({ ambassadorCode: code, orderId: 'o1', amount: 1_000, currency: 'EUR', status: 'approved' });
    for (const delivery of receiver.received) {
      const signed = {
        timestamp: delivery.headers[WEBHOOK_HEADERS.timestamp] as string,
        signature: delivery.headers[WEBHOOK_HEADERS.signature] as string,
        body: delivery.body,
      };
      expect(verifyWebhook(endpoint.secret, signed, t.clock.now)).toBe(true);
      expect(verifyWebhook(endpoint.secret, { ...signed, body: `${delivery.body} ` }, t.clock.now)).toBe(false);
      expect(verifyWebhook('whsec_other', signed, t.clock.now)).toBe(false);
      expect(verifyWebhook(endpoint.secret, signed, t.clock.now + 10 * 60_000)).toBe(false);
      expect(delivery.headers[WEBHOOK_HEADERS.id]).toBe(JSON.parse(delivery.body).id);
    }
    const deliveries = await log(endpoint.id);
    expect(deliveries).toHaveLength(4);
    expect(deliveries.every((delivery: { status: string; attempts: number }) => delivery.status === 'delivered' && delivery.attempts === 1)).toBe(true);
  });

  it('tells when an ambassador reaches a milestone', async () => {
    const rules = (await t.api('GET', '/v1/program')).json().rules.rules;
    const put = await t.inject({
      method: 'PUT',
      url: '/v1/program/rules',
      headers: { authorization: `Bearer ${DEMO.secretKey}` },
      payload: { ...rules, milestones: [{ referrals: 2, amounts: { EUR: 500 } }] },
    });
    expect(put.statusCode).toBe(201);
    await subscribe(['milestone.reached']);
    const code = await t.ambassador('alice@example.com');
    for (const [orderId, email] of [['o1', 'f1@example.com'], ['o2', 'f2@example.com']]) {
      await t.api('POST', '/v1/conversions', { orderId, amount: 10_000, currency: 'EUR', couponCode: code, customer: { email } });
    }
    await deliver();
    const bonus = (await t.api('GET', '/v1/rewards')).json().rewards.find((reward: { purpose: string }) => reward.purpose === 'milestone');
    expect(bonus).toMatchObject({ kind: 'store_credit', milestone: 2, orderId: 'o2', amount: 500 });
    expect(receiver.events()).toMatchObject([
      { type: 'milestone.reached', data: { milestone: { ambassadorCode: code, milestone: 2, orderId: 'o2', amount: 500, currency: 'EUR' } } },
    ]);
  });

  it('sends only the subscribed events, and keeps the secret when the endpoint is saved again', async () => {
    const first = await subscribe(['reward.approved']);
    const again = await t.api('POST', '/v1/webhooks', { url: receiver.url, events: ['reward.approved', 'reward.voided'] });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.id, secret: first.secret, events: ['reward.approved', 'reward.voided'] });
    const code = await t.ambassador('alice@example.com');
    await t.api('POST', '/v1/conversions', { orderId: 'o1', amount: 10_000, currency: 'EUR', couponCode: code });
    await t.api('POST', '/v1/conversions/o1/refunds', {});
    await deliver();
    expect(receiver.events().map((event) => event.type)).toEqual(['reward.voided']);
  });

  it('retries a failing receiver with backoff, logs every attempt, and delivers when it recovers', async () => {
    const endpoint = await subscribe(['ambassador.created']);
    receiver.answers = [500, 503];
    await t.ambassador('alice@example.com');
    expect(await deliver()).toBe(1);
    expect(await deliver()).toBe(0);
    t.clock.advance(30_000);
    expect(await deliver()).toBe(1);
    t.clock.advance(59_999);
    expect(await deliver()).toBe(0);
    t.clock.advance(1);
    expect(await deliver()).toBe(1);
    const [delivery] = await log(endpoint.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(delivery.log.map((attempt: { statusCode: number }) => attempt.statusCode)).toEqual([500, 503, 200]);
    expect(receiver.received.map((request) => request.body)).toEqual(Array(3).fill(receiver.received[0]?.body));
  });

  it('gives up after more than a day, and the owner can redeliver', async () => {
    const endpoint = await subscribe(['ambassador.created']);
    receiver.answers = Array(20).fill(500);
    await t.ambassador('alice@example.com');
    for (let elapsed = 0; elapsed <= RETRY_FOR_MS; elapsed += 30 * 60_000) {
      await deliver();
      t.clock.advance(30 * 60_000);
    }
    let [delivery] = await log(endpoint.id);
    expect(delivery).toMatchObject({ status: 'failed' });
    expect(delivery.attempts).toBeGreaterThanOrEqual(10);
    expect(delivery.log.at(-1).attemptedAt - delivery.createdAt).toBeGreaterThanOrEqual(DAY);

    receiver.answers = [];
    const redeliver = await t.api('POST', `/v1/webhooks/deliveries/${delivery.id}/redeliver`);
    expect(redeliver.statusCode).toBe(202);
    expect(await deliver()).toBe(1);
    [delivery] = await log(endpoint.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: delivery.log.length });
  });

  it('writes an event only with the change it reports', async () => {
    const code = await t.ambassador('before@example.com');
    await subscribe();
    await t.api('POST', '/v1/conversions', { orderId: 'o1', amount: 10_000, currency: 'EUR', couponCode: code });
    const events = t.count('webhook_events');
    // A refused refund, a repeated conversion and an unattributed order change nothing worth telling.
    expect((await t.api('POST', '/v1/conversions/o1/refunds', { amount: 99_999 })).statusCode).toBe(400);
    await t.api('POST', '/v1/conversions', { orderId: 'o1', amount: 10_000, currency: 'EUR', couponCode: code });
    await t.api('POST', '/v1/conversions', { orderId: 'o2', amount: 10_000, currency: 'EUR' });
    expect(t.count('webhook_events')).toBe(events);
  });

  it('answers bad input and other programs with clear errors', async () => {
    const endpoint = await subscribe();
    for (const body of [{ url: 'ftp://example.com' }, { url: receiver.url, events: ['reward.lost'] }, { url: receiver.url, extra: 1 }]) {
      const response = await t.api('POST', '/v1/webhooks', body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    }
    expect((await t.api('GET', `/v1/webhooks/${endpoint.id}/deliveries`, undefined, OTHER.secretKey)).json().error.code).toBe('webhook_not_found');
    expect((await t.api('DELETE', `/v1/webhooks/${endpoint.id}`, undefined, OTHER.secretKey)).statusCode).toBe(404);
    expect((await t.api('POST', '/v1/webhooks/deliveries/12345/redeliver')).json().error.code).toBe('delivery_not_found');
    expect((await t.inject({ method: 'GET', url: '/v1/webhooks' })).statusCode).toBe(401);
    expect((await t.api('GET', '/v1/webhooks', undefined, OTHER.secretKey)).json()).toEqual({ webhooks: [] });
    expect((await t.api('DELETE', `/v1/webhooks/${endpoint.id}`)).statusCode).toBe(204);
    expect((await t.api('GET', '/v1/webhooks')).json()).toEqual({ webhooks: [] });
  });
});
