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
});
