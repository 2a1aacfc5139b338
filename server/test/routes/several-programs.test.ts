import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REWARD_RULES } from '../../../shared/src/reward-rules/rules.ts';
import { createProgram } from '../../src/services/program-creation.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers/test-app.ts';

describe('several programs on one shop', () => {
  let t: TestApp;
  let employeesKey: string;
  let employeesId: string;
  beforeEach(async () => {
    t = await createTestApp();
    // The employee program on the same shop as the customer program `demo`.
    const created = await createProgram(t.store, { name: 'Employees', origin: DEMO.origin, joinPolicy: 'invite_only' }, t.clock.now);
    employeesKey = created.secretKey;
    employeesId = created.program.id;
  });
  afterEach(async () => {
    await t.close();
  });

  it('keeps codes, rules, join policy and attribution apart; one shop cookie means the last click across programs wins', async () => {
    expect(employeesId).toMatch(/^employees-[a-z0-9]{6}$/);
    const alice = await t.ambassador('alice@example.com');
    expect((await t.api('POST', '/v1/invitations', { email: 'eve@shop.example' }, employeesKey)).statusCode).toBe(201);
    const eve = await t.ambassador('eve@shop.example', {}, employeesKey);
    // Each key sees its own program only.
    expect((await t.api('GET', `/v1/ambassadors/${eve}`)).statusCode).toBe(404);
    expect((await t.api('GET', `/v1/ambassadors/${alice}`, undefined, employeesKey)).statusCode).toBe(404);
    expect((await t.api('POST', '/v1/ambassadors', { email: 'mallory@example.com' }, employeesKey)).json().error.code).toBe('join_requires_invitation');
    // Their own rules.
    const employeeRules = { ...structuredClone(DEFAULT_REWARD_RULES), referrer: { kind: 'cash' as const, rate: { type: 'flat' as const, amounts: { EUR: 2_000 } } } };
    expect((await t.api('PUT', '/v1/program/rules', employeeRules, employeesKey)).statusCode).toBe(201);
    expect((await t.api('GET', '/v1/program')).json().rules.version).toBe(1);

    // Both widgets run on the shop's pages: each program accepts the shop's origin.
    const click = async (programId: string, code: string) => {
      const response = await t.widget('clicks', { programId, code, visitorId: 'friend-browser' });
      expect(response.statusCode).toBe(200);
      return response.json().clickId as string;
    };
    await click('demo', alice);
    // A code of the other program is not this program's referral.
    expect((await t.widget('clicks', { programId: employeesId, code: alice, visitorId: 'friend-browser' })).json().error.code).toBe('referral_code_not_found');
    // The friend then follows Eve's link: the shop's one `sarafan_ref` now holds Eve's referral.
    const eveClick = await click(employeesId, eve);

    // The shop reports the order to each of its programs with the cookie as it is: the program
    // that owns the code attributes it, the other records an unreferred order.
    const order = { orderId: 'o1', amount: 10_000, currency: 'EUR', customer: { email: 'frank@example.com' }, referral: { code: eve, clickId: eveClick, visitorId: 'friend-browser' } };
    const employees = (await t.api('POST', '/v1/conversions', order, employeesKey)).json();
    const customers = (await t.api('POST', '/v1/conversions', order)).json();
    expect(employees).toMatchObject({ attributed: true, attributedVia: 'click', ambassadorCode: eve, reward: { amount: 2_000, currency: 'EUR' } });
    expect(customers).toMatchObject({ attributed: false, reason: 'unknown_referral' });
    expect(t.count('conversions')).toBe(2);
  });

  it('npm run program:create adds a program without editing code, and never replaces one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sarafan-program-create-'));
    const dbPath = join(dir, 'programs.sqlite');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/src/create-program.ts', ...args], {
        env: { ...process.env, SARAFAN_DB_PATH: dbPath },
        encoding: 'utf8',
      });
    try {
      const created = run('--name', 'Partners', '--origin', 'https://shop.example', '--id', 'partners');
      expect(created.status, created.stderr).toBe(0);
      expect(created.stdout).toContain('Program id: partners');
      const secret = /Secret key: (sk_\S+)/.exec(created.stdout)?.[1];
      expect(secret).toMatch(/^sk_[A-Za-z0-9_-]{32}$/);
      const again = run('--name', 'Partners', '--origin', 'https://shop.example', '--id', 'partners');
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('exists already');
      expect(run('--name', 'No origin').status).toBe(1);

      const store = openSqliteStore(dbPath, { clickWriter: 'inline' });
      try {
        const program = await store.getProgram('partners');
        expect(program).toMatchObject({ name: 'Partners', landingUrl: 'https://shop.example', joinPolicy: 'open' });
        expect(program?.allowedOrigins).toContain('https://shop.example');
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Three short processes, each starting TypeScript: seconds on a busy machine.
  }, 60_000);
});
