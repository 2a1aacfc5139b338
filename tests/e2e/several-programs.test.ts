/**
 * Two programs of one shop (customers and employees), each with its widget on its own pages of
 * the same site, in real Chromium against the real tracking server. The shop has one
 * `sarafan_ref` cookie: the referral link followed last wins across programs, and the order,
 * reported to both programs, is attributed by the program that owns the code (README: "Several
 * programs on one shop").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseReferralCookie, REFERRAL_COOKIE } from '../../shared/src/referral-cookie.ts';
import { createProgram } from '../../server/src/services/program-creation.ts';
import { startTrackingServer, type RunningServer } from '../../server/src/start.ts';
import { freePort } from '../support/free-port.ts';
import { Visitors } from '../support/visitors.ts';

const SECRET = 'sk_e2e_several_programs';
let dir: string;
let tracker: RunningServer;
let shop: Server;
let shopUrl: string;
let visitors: Visitors;
let employees: { id: string; secretKey: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sarafan-programs-'));
  const [trackerPort, shopPort] = [await freePort(), await freePort()];
  shopUrl = `http://127.0.0.1:${shopPort}`;
  tracker = await startTrackingServer({
    port: trackerPort,
    host: '127.0.0.1',
    publicUrl: `http://127.0.0.1:${trackerPort}`,
    dbPath: join(dir, 'sarafan.sqlite'),
    demoSecret: SECRET,
    demoSecretFromEnv: true,
    demoShopUrl: shopUrl,
    seedDemo: true,
    logLevel: 'warn',
  });
  const created = await createProgram(tracker.store, { name: 'Employees', origin: shopUrl }, Date.now());
  employees = { id: created.program.id, secretKey: created.secretKey };
  // The storefront embeds the customer program; the staff page the employee program.
  shop = createServer((request, response) => {
    const program = request.url?.startsWith('/staff') ? employees.id : 'demo';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><title>Shop</title><h1>Shop</h1>
<script>window.sarafan=window.sarafan||function(){(sarafan.q=sarafan.q||[]).push(arguments)};</script>
<script async src="${tracker.url}/widget.js" data-program="${program}"></script>`);
  });
  await new Promise<void>((resolve) => shop.listen(shopPort, '127.0.0.1', resolve));
  visitors = await Visitors.launch();
});

afterAll(async () => {
  await visitors?.close();
  await new Promise((resolve) => shop?.close(resolve));
  await tracker?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const api = (path: string, key: string, body: unknown) =>
  fetch(`${tracker.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (response) => ({ status: response.status, body: await response.json() }));

async function referralCookie(page: Page, expectedCode: string) {
  await expect
    .poll(async () => parseReferralCookie((await page.context().cookies()).find((cookie) => cookie.name === REFERRAL_COOKIE)?.value)?.code, { timeout: 15_000 })
    .toBe(expectedCode);
  const cookie = (await page.context().cookies()).find((c) => c.name === REFERRAL_COOKIE);
  return parseReferralCookie(cookie?.value);
}

describe('several programs on one shop', () => {
  it('share the one referral cookie (last link wins), and the order is attributed by the program owning the code', async () => {
    const alice = (await api('/v1/ambassadors', SECRET, { email: 'alice@example.com' })).body.code as string;
    const eve = (await api('/v1/ambassadors', employees.secretKey, { email: 'eve@shop.example' })).body.code as string;

    const friend = await visitors.newVisitor();
    await friend.goto(`${shopUrl}/?ref=${alice}`);
    expect((await referralCookie(friend, alice))?.code).toBe(alice);
    await friend.goto(`${shopUrl}/staff?ref=${eve}`);
    const referral = await referralCookie(friend, eve);
    const visitorId = (await friend.context().cookies()).find((c) => c.name === 'sarafan_vid')?.value;

    const order = { orderId: 'o1', amount: 5_000, currency: 'EUR', customer: { email: 'frank@example.com' }, referral: { ...referral, visitorId } };
    const asEmployee = await api('/v1/conversions', employees.secretKey, order);
    const asCustomer = await api('/v1/conversions', SECRET, order);
    expect(asEmployee.body).toMatchObject({ attributed: true, attributedVia: 'click', ambassadorCode: eve });
    expect(asCustomer.body).toMatchObject({ attributed: false, reason: 'unknown_referral' });
    expect(visitors.pageErrors).toEqual([]);
  });
});
