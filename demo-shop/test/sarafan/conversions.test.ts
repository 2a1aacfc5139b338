import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SarafanClient } from '../../src/sarafan/client.ts';
import { conversionRequestFor, syncOrderWithSarafan, syncPendingOrders } from '../../src/sarafan/conversions.ts';
import { ShopStore, type NewOrder } from '../../src/store.ts';
import { startFakeSarafan, type FakeSarafan } from '../support/fake-sarafan.ts';
import { silentLogger } from '../support/silent-logger.ts';
import { closedPortUrl } from '../support/test-shop.ts';

const log = silentLogger();

function order(customerId: number, id: string, referral = true): NewOrder {
  return {
    id,
    customerId,
    email: 'bob@example.com',
    name: 'Bob',
    currency: 'EUR',
    subtotal: 2400,
    discount: referral ? 240 : 0,
    total: referral ? 2160 : 2400,
    couponCode: referral ? 'ALICE7K2' : null,
    referral: referral ? { code: 'ALICE7K2', clickId: 'clk_1' } : null,
    visitorId: referral ? 'vis_1' : null,
    createdAt: 1,
    items: [{ sku: 'linen-tote', name: 'Linen tote bag', category: 'bags', unitPrice: 1200, quantity: 2, amount: 2400 }],
  };
}

describe('conversionRequestFor', () => {
  it('sends what the friend paid, the referral cookies, the coupon and the items', () => {
    const store = ShopStore.open(':memory:');
    const customer = store.upsertCustomer({ email: 'bob@example.com' }, 1);
    const stored = store.createOrder(order(customer.id, 'DS-1'));
    expect(conversionRequestFor(stored)).toEqual({
      orderId: 'DS-1',
      amount: 2160,
      currency: 'EUR',
      customer: { email: 'bob@example.com', id: String(customer.id) },
      referral: { code: 'ALICE7K2', clickId: 'clk_1', visitorId: 'vis_1' },
      couponCode: 'ALICE7K2',
      discountAmount: 240,
      // Per item, as Sarafan's item rates expect: it multiplies by the quantity.
      items: [{ sku: 'linen-tote', category: 'bags', amount: 1200, quantity: 2 }],
    });
    const plain = conversionRequestFor(store.createOrder(order(customer.id, 'DS-2', false)));
    expect(plain).not.toHaveProperty('referral');
    expect(plain).not.toHaveProperty('couponCode');
    store.close();
  });
});

describe('syncOrderWithSarafan', () => {
  let fake: FakeSarafan;
  beforeAll(async () => {
    fake = await startFakeSarafan();
    fake.ambassadors.set('ALICE7K2', { code: 'ALICE7K2', name: 'Alice', email: 'alice@example.com' });
  });
  afterAll(() => fake.close());

  it('records a failure, then catches up when Sarafan is back', async () => {
    const store = ShopStore.open(':memory:');
    const customer = store.upsertCustomer({ email: 'bob@example.com' }, 1);
    const placed = store.createOrder(order(customer.id, 'DS-OFFLINE'));

    const offline = new SarafanClient({ baseUrl: await closedPortUrl(), secretKey: fake.secret, timeoutMs: 500 });
    const afterFailure = await syncOrderWithSarafan({ store, sarafan: offline, now: () => 10, log }, placed);
    expect(afterFailure.sarafan).toMatchObject({ reportedAt: null, attempts: 1, lastError: expect.stringMatching(/unreachable/) });

    const online = new SarafanClient({ baseUrl: fake.url, secretKey: fake.secret, timeoutMs: 1000 });
    expect(await syncPendingOrders({ store, sarafan: online, now: () => 20, log })).toBe(1);
    expect(store.orderById('DS-OFFLINE')?.sarafan).toMatchObject({
      reportedAt: 20,
      attempts: 2,
      lastError: null,
      attributed: true,
      ambassadorCode: 'ALICE7K2',
    });
    expect(fake.conversions.map((c) => c.orderId)).toContain('DS-OFFLINE');
    store.close();
  });

  it('reports a refund once the conversion is known', async () => {
    const store = ShopStore.open(':memory:');
    const customer = store.upsertCustomer({ email: 'bob@example.com' }, 1);
    store.createOrder(order(customer.id, 'DS-REFUND'));
    store.markRefunded('DS-REFUND', 5);
    const sarafan = new SarafanClient({ baseUrl: fake.url, secretKey: fake.secret, timeoutMs: 1000 });
    const synced = await syncOrderWithSarafan({ store, sarafan, now: () => 30, log }, store.orderById('DS-REFUND') ?? ({} as never));
    expect(synced.sarafan).toMatchObject({ reportedAt: 30, refundReportedAt: 30 });
    expect(fake.refunds).toContainEqual({ orderId: 'DS-REFUND', body: {} });
    expect(store.ordersOutOfSync()).toEqual([]);
    store.close();
  });
});
