import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoShop } from '../src/start.ts';
import { ShopStore } from '../src/store.ts';
import { startFakeSarafan, type FakeSarafan } from './support/fake-sarafan.ts';

describe('startDemoShop', () => {
  let dir: string;
  let fake: FakeSarafan;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demo-shop-start-'));
    fake = await startFakeSarafan();
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1, serves pages, catches up with Sarafan and closes cleanly', async () => {
    const dbPath = join(dir, 'data', 'shop.sqlite');
    // An order placed while Sarafan was down, left in the database by an earlier run.
    const earlier = ShopStore.open(dbPath);
    const customer = earlier.upsertCustomer({ email: 'gil@example.com' }, 1);
    earlier.createOrder({
      id: 'DS-EARLIER001',
      customerId: customer.id,
      email: customer.email,
      name: null,
      currency: 'EUR',
      subtotal: 1800,
      discount: 0,
      total: 1800,
      couponCode: null,
      referral: null,
      visitorId: null,
      createdAt: 1,
      items: [{ sku: 'stoneware-mug', name: 'Stoneware mug', category: 'kitchen', unitPrice: 1800, quantity: 1, amount: 1800 }],
    });
    earlier.close();

    const shop = await startDemoShop({ port: 0, dbPath, sarafanUrl: fake.url, sarafanSecretKey: fake.secret }, { env: {} });
    try {
      expect(shop.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(shop.publicUrl).toBe(`http://localhost:${new URL(shop.url).port}`);
      const home = await fetch(`${shop.url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('<script async src="/sarafan/widget.js" data-program="demo" data-launcher="bottom-right"></script>');

      await expect.poll(() => fake.conversions.map((c) => c.orderId), { timeout: 5000 }).toContain('DS-EARLIER001');
    } finally {
      await shop.close();
      await shop.close();
    }
    await expect(fetch(`${shop.url}/`)).rejects.toThrow();

    const reopened = ShopStore.open(dbPath);
    expect(reopened.orderById('DS-EARLIER001')?.sarafan.reportedAt).not.toBeNull();
    reopened.close();
  });
});
