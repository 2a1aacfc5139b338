import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SarafanClient } from '../../src/sarafan/client.ts';
import { creditTotals, storeCreditFor } from '../../src/sarafan/store-credit.ts';
import { ShopStore } from '../../src/store.ts';
import { startFakeSarafan, type FakeSarafan } from '../support/fake-sarafan.ts';

describe('creditTotals', () => {
  it("sums per currency: pending (incl. held) from Sarafan, approved from the shop's own credits", () => {
    expect(
      creditTotals(
        [
          { orderId: '1', amount: 324, currency: 'EUR', status: 'pending' },
          { orderId: '2', amount: 100, currency: 'EUR', status: 'held' },
          { orderId: '3', amount: 250, currency: 'EUR', status: 'approved' },
          { orderId: '4', amount: 999, currency: 'EUR', status: 'voided' },
          { orderId: '5', amount: 777, currency: 'EUR', status: 'paid' },
        ],
        [
          { currency: 'EUR', amount: 250 },
          { currency: 'USD', amount: 500 },
        ],
      ),
    ).toEqual([
      { currency: 'EUR', pending: 424, approved: 250 },
      { currency: 'USD', pending: 0, approved: 500 },
    ]);
  });
});

describe('storeCreditFor', () => {
  let fake: FakeSarafan;
  let store: ShopStore;
  beforeAll(async () => {
    fake = await startFakeSarafan();
    store = ShopStore.open(':memory:');
  });
  afterAll(async () => {
    store.close();
    await fake.close();
  });

  it('gets the code once with POST /v1/ambassadors, then reads with GET', async () => {
    const sarafan = new SarafanClient({ baseUrl: fake.url, secretKey: fake.secret, timeoutMs: 1000 });
    const customer = store.upsertCustomer({ email: 'ann@example.com', name: 'Ann' }, 1);
    const first = await storeCreditFor({ store, sarafan }, customer);
    expect(first.totals).toEqual([]);
    const code = first.ambassadorCode;
    expect(store.customerById(customer.id)?.ambassadorCode).toBe(code);
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v1/ambassadors']);

    const ambassador = fake.ambassadors.get(code);
    if (!ambassador) throw new Error('fake lost the ambassador');
    ambassador.rewards = [{ orderId: 'DS-1', amount: 324, currency: 'EUR', status: 'pending' }];
    const again = await storeCreditFor({ store, sarafan }, store.customerById(customer.id) ?? customer);
    expect(again.totals).toEqual([{ currency: 'EUR', pending: 324, approved: 0 }]);
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v1/ambassadors', `GET /v1/ambassadors/${code}`]);
  });
});
