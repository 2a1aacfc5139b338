import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerViolations } from '../../helpers/ledger-invariants.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

describe('the reward ledger on disk', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    const code = await t.ambassador('alice@example.com');
    await t.api('POST', '/v1/conversions', { orderId: 'o1', amount: 10_000, currency: 'EUR', couponCode: code });
    await t.api('POST', '/v1/conversions/o1/refunds', { amount: 2_500 });
  });
  afterEach(async () => {
    await t.close();
  });

  it('is append-only: the database refuses to change or delete an entry', () => {
    const db = new Database(t.dbPath);
    try {
      expect(() => db.prepare('UPDATE ledger_entries SET amount = 1').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM ledger_entries').run()).toThrow(/append-only/);
      expect(db.prepare('SELECT count(*) FROM ledger_entries').pluck().get()).toBe(2);
    } finally {
      db.close();
    }
  });

  it('explains the reward, and the invariant check notices a reward changed behind its back', () => {
    expect(ledgerViolations(t.dbPath)).toEqual([]);
    const db = new Database(t.dbPath);
    try {
      db.prepare('UPDATE rewards SET amount = 900').run();
    } finally {
      db.close();
    }
    expect(ledgerViolations(t.dbPath)).toEqual([
      'reward 1 (pending): pending holds 750, expected 900',
      'reward 1 (pending): taken back 250, but original 1000 − worth 900 = 100',
    ]);
  });
});
