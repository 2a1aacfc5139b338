import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShopStore, type NewOrder } from '../src/store.ts';

function newOrder(customerId: number, id = 'DS-TEST000001'): NewOrder {
  return {
    id,
    customerId,
    email: 'ann@example.com',
    name: 'Ann',
    currency: 'EUR',
    subtotal: 3600,
    discount: 360,
    total: 3240,
    couponCode: 'ALICE7K2',
    referral: { code: 'ALICE7K2', clickId: 'click_1' },
    visitorId: 'visitor_1',
    createdAt: 1_000,
    items: [
      { sku: 'linen-tote', name: 'Linen tote bag', category: 'bags', unitPrice: 2400, quantity: 1, amount: 2400 },
      { sku: 'wool-socks', name: 'Merino wool socks', category: 'clothing', unitPrice: 600, quantity: 2, amount: 1200 },
    ],
  };
}

describe('ShopStore', () => {
  let store: ShopStore;
  afterEach(() => store.close());

  it('finds a customer again by e-mail, whatever the case, and updates the name', () => {
    store = ShopStore.open(':memory:');
    const first = store.upsertCustomer({ email: 'Ann@Example.com', name: '' }, 1);
    const again = store.upsertCustomer({ email: ' ann@example.COM ', name: 'Ann' }, 2);
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ email: 'ann@example.com', name: 'Ann', createdAt: 1 });
    expect(store.upsertCustomer({ email: 'ann@example.com' }, 3).name).toBe('Ann');
    expect(store.upsertCustomer({ email: 'bob@example.com' }, 3).id).not.toBe(first.id);
  });

  it('stores an order with its items and reads it back', () => {
    store = ShopStore.open(':memory:');
    const customer = store.upsertCustomer({ email: 'ann@example.com' }, 1);
    const order = store.createOrder(newOrder(customer.id));
    expect(order).toEqual({
      ...newOrder(customer.id),
      status: 'paid',
      refundedAt: null,
      sarafan: { reportedAt: null, attempts: 0, lastError: null, attributed: null, ambassadorCode: null, refundReportedAt: null },
    });
    expect(store.ordersOfCustomer(customer.id).map((o) => o.id)).toEqual([order.id]);
    expect(store.orderById('DS-NOPE')).toBeNull();
  });

  it('tracks what Sarafan has acknowledged', () => {
    store = ShopStore.open(':memory:');
    const customer = store.upsertCustomer({ email: 'ann@example.com' }, 1);
    store.createOrder(newOrder(customer.id, 'DS-A'));
    store.createOrder(newOrder(customer.id, 'DS-B'));
    expect(store.ordersOutOfSync().map((o) => o.id)).toEqual(['DS-A', 'DS-B']);

    store.recordSyncFailed('DS-A', 'Sarafan unreachable');
    expect(store.orderById('DS-A')?.sarafan).toMatchObject({ attempts: 1, lastError: 'Sarafan unreachable', reportedAt: null });

    store.recordConversionReported('DS-A', 5, { attributed: true, ambassadorCode: 'ALICE7K2' });
    expect(store.orderById('DS-A')?.sarafan).toMatchObject({ attempts: 2, lastError: null, reportedAt: 5, attributed: true, ambassadorCode: 'ALICE7K2' });
    expect(store.ordersOutOfSync().map((o) => o.id)).toEqual(['DS-B']);

    expect(store.markRefunded('DS-A', 9)).toBe(true);
    expect(store.markRefunded('DS-A', 10)).toBe(false);
    expect(store.orderById('DS-A')).toMatchObject({ status: 'refunded', refundedAt: 9 });
    expect(store.ordersOutOfSync().map((o) => o.id)).toEqual(['DS-A', 'DS-B']);
    store.recordRefundReported('DS-A', 11);
    expect(store.ordersOutOfSync().map((o) => o.id)).toEqual(['DS-B']);
  });

  it('keeps data and the session secret across reopening a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-shop-store-'));
    try {
      const path = join(dir, 'nested', 'shop.sqlite');
      store = ShopStore.open(path);
      const secret = store.sessionSecret();
      expect(secret.length).toBeGreaterThanOrEqual(32);
      const customer = store.upsertCustomer({ email: 'ann@example.com' }, 1);
      store.setAmbassadorCode(customer.id, 'ANN2345');
      store.close();

      store = ShopStore.open(path);
      expect(store.sessionSecret()).toBe(secret);
      expect(store.customerById(customer.id)?.ambassadorCode).toBe('ANN2345');
    } finally {
      store.close();
      store = ShopStore.open(':memory:');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
