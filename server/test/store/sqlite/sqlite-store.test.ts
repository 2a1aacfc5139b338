import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveProgram } from '../../../src/services/programs.ts';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { ClickWrite, NewAmbassador } from '../../../src/store/store.ts';

describe.each(['thread', 'inline'] as const)('SqliteStore (click writer: %s)', (clickWriter) => {
  let dir: string;
  let path: string;
  let store: SqliteStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sarafan-store-'));
    path = join(dir, 'store.sqlite');
    store = openSqliteStore(path, { clickWriter });
    await saveProgram(store, { id: 'p1', name: 'P1', secretKey: 'sk_1', landingUrl: 'https://p1.example/', allowedOrigins: ['https://p1.example'] }, 1_000);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ambassador = (overrides: Partial<NewAmbassador> = {}): NewAmbassador => ({
    programId: 'p1',
    code: 'ALICE2345',
    email: 'Alice@Example.com',
    emailNormalised: 'alice@example.com',
    name: null,
    customerId: null,
    createdAt: 2_000,
    ...overrides,
  });
  const clickWrite = (ambassadorId: number, overrides: Partial<ClickWrite> = {}): ClickWrite => ({
    newClickId: `click-${Math.random().toString(36).slice(2)}`,
    programId: 'p1',
    ambassadorId,
    source: 'widget',
    visitorId: 'v1',
    ipUaHash: 'hash-1',
    previousIpUaHash: 'old-hash-1',
    qr: false,
    browser: 'Chrome',
    os: 'Windows',
    deviceType: 'desktop',
    claimClickId: null,
    url: null,
    referrer: null,
    at: 5_000,
    dedupWindowMs: 3_600_000,
    ...overrides,
  });

  it('stores programs without their secret and finds them by the secret hash', async () => {
    const program = await store.getProgram('p1');
    expect(program).toMatchObject({ id: 'p1', allowedOrigins: ['https://p1.example'], createdAt: 1_000 });
    expect(JSON.stringify(program)).not.toContain('sk_1');
    expect(await store.findProgramBySecretHash(program!.secretHash)).toMatchObject({ id: 'p1' });
    expect(await store.isOriginAllowedByAnyProgram('https://p1.example')).toBe(true);
    expect(await store.isOriginAllowedByAnyProgram('https://p2.example')).toBe(false);
  });

  it('creates an ambassador once per mailbox, fills in missing details, and reports a taken code', async () => {
    const created = await store.insertAmbassador(ambassador());
    expect(created).toMatchObject({ status: 'created', ambassador: { code: 'ALICE2345', name: null } });
    const again = await store.insertAmbassador(ambassador({ code: 'OTHER2345', name: 'Alice', customerId: 'c1' }));
    expect(again).toMatchObject({ status: 'existing', ambassador: { code: 'ALICE2345', name: 'Alice', customerId: 'c1' } });
    const renamed = await store.insertAmbassador(ambassador({ code: 'OTHER2345', name: 'Not Alice' }));
    expect(renamed).toMatchObject({ ambassador: { name: 'Alice' } });
    expect(await store.insertAmbassador(ambassador({ emailNormalised: 'bob@example.com' }))).toEqual({ status: 'code_taken' });
  });

  it('writes a batch of clicks in one transaction, deduplicating inside the batch', async () => {
    const result = await store.insertAmbassador(ambassador());
    if (result.status === 'code_taken') throw new Error('unexpected');
    const id = result.ambassador.id;
    const outcomes = await store.recordClicks(
      [clickWrite(id, { newClickId: 'a' }), clickWrite(id, { newClickId: 'b' }), clickWrite(id, { newClickId: 'c', visitorId: 'v2', ipUaHash: 'hash-2' })]);
    expect(outcomes).toEqual([
      { clickId: 'a', counted: true },
      { clickId: 'a', counted: false },
      { clickId: 'c', counted: true },
    ]);
  });

  it('reports a failing click alone and commits the rest', async () => {
    const result = await store.insertAmbassador(ambassador());
    if (result.status === 'code_taken') throw new Error('unexpected');
    const id = result.ambassador.id;
    const outcomes = await store.recordClicks(
      [clickWrite(id, { newClickId: 'ok-1' }), clickWrite(9_999, { newClickId: 'bad', visitorId: 'v3' }), clickWrite(id, { newClickId: 'ok-2', visitorId: 'v4', ipUaHash: 'h4' })]);
    expect(outcomes[0]).toEqual({ clickId: 'ok-1', counted: true });
    expect(outcomes[1]).toBeInstanceOf(Error);
    expect(outcomes[2]).toEqual({ clickId: 'ok-2', counted: true });
    expect(await store.findClick('p1', 'ok-2')).not.toBeNull();
    expect(await store.findClick('p1', 'bad')).toBeNull();
  });

  it('keeps acknowledged clicks on disk across a reopen', async () => {
    const result = await store.insertAmbassador(ambassador());
    if (result.status === 'code_taken') throw new Error('unexpected');
    await store.recordClicks([clickWrite(result.ambassador.id, { newClickId: 'durable' })]);
    await store.close();
    store = openSqliteStore(path, { clickWriter });
    expect(await store.findClick('p1', 'durable')).toMatchObject({ id: 'durable', visitorId: 'v1', counted: true, self: false });
    expect(await store.findClick('other-program', 'durable')).toBeNull();
  });

  it('flags earlier clicks of a browser as self once it is known to be the ambassador', async () => {
    const result = await store.insertAmbassador(ambassador());
    if (result.status === 'code_taken') throw new Error('unexpected');
    const id = result.ambassador.id;
    await store.recordClicks([clickWrite(id, { newClickId: 'mine', visitorId: 'alice-laptop' })]);
    expect((await store.summariseAmbassador(id)).clicks).toBe(1);
    await store.addAmbassadorVisitor(id, 'alice-laptop', 6_000);
    expect(await store.isAmbassadorVisitor(id, 'alice-laptop')).toBe(true);
    expect((await store.findClick('p1', 'mine'))?.self).toBe(true);
    expect((await store.summariseAmbassador(id)).clicks).toBe(0);
  });

  it('stores where a click came from: QR code, browser, OS and device type', async () => {
    const result = await store.insertAmbassador(ambassador());
    if (result.status === 'code_taken') throw new Error('unexpected');
    const id = result.ambassador.id;
    await store.recordClicks([
      clickWrite(id, { newClickId: 'scan', source: 'link', visitorId: null, qr: true, browser: 'Mobile Safari', os: 'iOS', deviceType: 'mobile' }),
      clickWrite(id, { newClickId: 'plain', visitorId: 'v2', ipUaHash: 'hash-2', browser: null, os: null, deviceType: 'other' }),
    ]);
    expect(await store.findClick('p1', 'scan')).toMatchObject({ qr: true, browser: 'Mobile Safari', os: 'iOS', deviceType: 'mobile' });
    expect(await store.findClick('p1', 'plain')).toMatchObject({ qr: false, browser: null, os: null, deviceType: 'other' });
  });

  it('fills in the details of a short-link click when the landing page claims it', async () => {
    const result = await store.insertAmbassador(ambassador());
    if (result.status === 'code_taken') throw new Error('unexpected');
    const id = result.ambassador.id;
    await store.recordClicks([
      clickWrite(id, { newClickId: 'link', source: 'link', visitorId: null, qr: true, browser: null, os: null, deviceType: null }),
    ]);
    const [claimed] = await store.recordClicks([clickWrite(id, { newClickId: 'unused', claimClickId: 'link', at: 6_000 })]);
    expect(claimed).toEqual({ clickId: 'link', counted: false });
    expect(await store.findClick('p1', 'link')).toMatchObject({ visitorId: 'v1', qr: true, browser: 'Chrome', os: 'Windows', deviceType: 'desktop' });
  });

  it('recognises a repeat by the IP + user-agent hash under the previous salt, and never stores that hash', async () => {
    const result = await store.insertAmbassador(ambassador());
    if (result.status === 'code_taken') throw new Error('unexpected');
    const id = result.ambassador.id;
    const link = { source: 'link' as const, visitorId: null };
    await store.recordClicks([clickWrite(id, { ...link, newClickId: 'before', ipUaHash: 'day-1', previousIpUaHash: 'day-0' })]);
    const outcomes = await store.recordClicks([
      // After the rotation: this browser's hash is new, and yesterday's is the previous one.
      clickWrite(id, { ...link, newClickId: 'after', ipUaHash: 'day-2', previousIpUaHash: 'day-1', at: 6_000 }),
      clickWrite(id, { ...link, newClickId: 'stranger', ipUaHash: 'day-2-other', previousIpUaHash: 'day-1-other', at: 6_000 }),
    ]);
    expect(outcomes).toEqual([
      { clickId: 'before', counted: false },
      { clickId: 'stranger', counted: true },
    ]);
    expect((await store.findClick('p1', 'stranger'))?.ipUaHash).toBe('day-2-other');
  });

  it("summarises a program's counted clicks in a time range by device type, browser and OS", async () => {
    const result = await store.insertAmbassador(ambassador());
    if (result.status === 'code_taken') throw new Error('unexpected');
    const id = result.ambassador.id;
    const phone = { browser: 'Mobile Safari', os: 'iOS', deviceType: 'mobile' as const };
    await store.recordClicks([
      clickWrite(id, { newClickId: 'c1', visitorId: 'a', ipUaHash: 'h-a', at: 10_000 }),
      clickWrite(id, { newClickId: 'c2', visitorId: 'b', ipUaHash: 'h-b', at: 11_000, ...phone, qr: true }),
      clickWrite(id, { newClickId: 'c3', visitorId: 'c', ipUaHash: 'h-c', at: 12_000, ...phone }),
      // A repeat (not stored), a click before the range and one at its end (excluded).
      clickWrite(id, { newClickId: 'c4', visitorId: 'c', ipUaHash: 'h-c', at: 12_500, ...phone }),
      clickWrite(id, { newClickId: 'early', visitorId: 'd', ipUaHash: 'h-d', at: 9_999 }),
      clickWrite(id, { newClickId: 'late', visitorId: 'e', ipUaHash: 'h-e', at: 20_000 }),
      // The ambassador's own browser, and a click stored before these details were.
      clickWrite(id, { newClickId: 'own', visitorId: 'alice-phone', ipUaHash: 'h-own', at: 13_000, ...phone }),
      clickWrite(id, { newClickId: 'old', visitorId: 'f', ipUaHash: 'h-f', at: 14_000, browser: null, os: null, deviceType: null }),
    ]);
    await store.addAmbassadorVisitor(id, 'alice-phone', 15_000);

    expect(await store.summariseClicks('p1', { from: 10_000, to: 20_000 })).toEqual({
      clicks: 4,
      qr: 1,
      byDeviceType: [
        { value: 'mobile', clicks: 2 },
        { value: null, clicks: 1 },
        { value: 'desktop', clicks: 1 },
      ],
      byBrowser: [
        { value: 'Mobile Safari', clicks: 2 },
        { value: null, clicks: 1 },
        { value: 'Chrome', clicks: 1 },
      ],
      byOs: [
        { value: 'iOS', clicks: 2 },
        { value: null, clicks: 1 },
        { value: 'Windows', clicks: 1 },
      ],
    });
    expect(await store.summariseClicks('other-program', { from: 0, to: 100_000 })).toEqual({
      clicks: 0,
      qr: 0,
      byDeviceType: [],
      byBrowser: [],
      byOs: [],
    });
  });

  it('refuses impossible money in the database itself', async () => {
    const result = await store.insertAmbassador(ambassador());
    if (result.status === 'code_taken') throw new Error('unexpected');
    const base = {
      programId: 'p1', orderId: 'o1', amount: -5, currency: 'EUR', customerEmail: null, customerEmailNormalised: null,
      customerId: null, visitorId: null, couponCode: null, attributed: false, attributedVia: null, ambassadorId: null, clickId: null,
      reason: 'no_referral' as const, friendDiscountPercent: null, friendDiscountAmount: null, ipHash: null, ipUaHash: null,
      rulesVersion: null, friendShare: null, createdAt: 7_000, reward: null, bonuses: [],
    };
    await expect(store.recordConversion(base)).rejects.toThrow(/CHECK/);
    const ok = await store.recordConversion({ ...base, amount: 100 });
    expect(ok.created).toBe(true);
    const repeat = await store.recordConversion({ ...base, amount: 100, reason: 'unknown_referral' });
    expect(repeat).toMatchObject({ created: false, conversion: { reason: 'no_referral' } });
  });
});
