import { describe, expect, it } from 'vitest';
import { seedDemoProgram } from '../src/seed-demo.ts';
import { hashSecretKey } from '../src/services/secrets.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

describe('seedDemoProgram', () => {
  it('creates the demo program once and updates its key, landing URL and origins when they change', async () => {
    const store = openSqliteStore(':memory:');
    const first = await seedDemoProgram(store, { secretKey: 'sk_demo_local', shopUrl: 'http://localhost:3000', clock: () => 1_000 });
    expect(first).toMatchObject({
      id: 'demo',
      landingUrl: 'http://localhost:3000',
      allowedOrigins: ['http://127.0.0.1:3000', 'http://localhost:3000'],
      rewardBasisPoints: 1_000,
      friendDiscountPercent: 10,
      attributionWindowMs: 30 * 86_400_000,
      dedupWindowMs: 3_600_000,
    });
    expect(await seedDemoProgram(store, { secretKey: 'sk_demo_local', shopUrl: 'http://localhost:3000', clock: () => 2_000 })).toEqual(first);

    const moved = await seedDemoProgram(store, { secretKey: 'sk_new', shopUrl: 'http://127.0.0.1:3100/', clock: () => 3_000 });
    expect(moved).toMatchObject({
      landingUrl: 'http://127.0.0.1:3100/',
      allowedOrigins: ['http://127.0.0.1:3100', 'http://localhost:3100'],
      secretHash: hashSecretKey('sk_new'),
      createdAt: 1_000,
    });
    expect(await store.findProgramBySecretHash(hashSecretKey('sk_demo_local'))).toBeNull();
    expect(await store.isOriginAllowedByAnyProgram('http://localhost:3000')).toBe(false);
    await store.close();
  });

  it('keeps what the owner changed since: attribution and the origins they added', async () => {
    const store = openSqliteStore(':memory:');
    const seed = (shopUrl: string, at: number) => seedDemoProgram(store, { secretKey: 'sk_demo_local', shopUrl, clock: () => at });
    await seed('http://localhost:3000', 1_000);
    await store.setAttribution('demo', { attributionWindowMs: 7 * 86_400_000, attributionModel: 'first_click' });
    await store.setAllowedOrigins('demo', ['http://127.0.0.1:3000', 'http://localhost:3000', 'https://shop.example']);

    const restarted = await seed('http://localhost:3000', 2_000);
    expect(restarted).toMatchObject({
      attributionWindowMs: 7 * 86_400_000,
      attributionModel: 'first_click',
      allowedOrigins: ['http://127.0.0.1:3000', 'http://localhost:3000', 'https://shop.example'],
    });
    expect(await store.getProgram('demo')).toMatchObject({ attributionModel: 'first_click' });

    // The shop moves: its old origin goes, the owner's own stays.
    expect(await seed('http://localhost:3100', 3_000)).toMatchObject({
      allowedOrigins: ['http://127.0.0.1:3100', 'http://localhost:3100', 'https://shop.example'],
    });
    await store.close();
  });
});
