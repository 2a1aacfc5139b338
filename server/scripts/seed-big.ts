/**
 * `npm run seed:big`: a fresh SQLite database with a year of a busy program, for the analytics
 * benchmark (`npm run bench:analytics`): 50,000 ambassadors, 1,000,000 clicks, 100,000 conversions
 * (half referred, in EUR, USD and GBP), rewards in every status, referral bindings, and widget
 * events (shown, opened, shared), and the analytics roll-ups of all that. Deterministic: the same
 * file every time.
 *
 *   SARAFAN_DB_PATH=./data/big.sqlite npm run seed:big     (the default path; the file is replaced)
 */
import { rmSync } from 'node:fs';
import { newClickId } from '../src/services/click-ids.ts';
import { saveProgram } from '../src/services/programs.ts';
import { createBulkSeed, type BulkRows } from '../src/store/sqlite/bulk-seed.ts';
import { openDatabase } from '../src/store/sqlite/open-database.ts';
import { rebuildRollups } from '../src/store/sqlite/rollup-rebuild.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';

export const BIG_PROGRAM = { id: 'big', secretKey: 'sk_big_bench' } as const;
/** The seeded year ends here; the benchmark asks about periods up to it. */
export const BIG_YEAR_END = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const DAYS = 365;
const YEAR_START = BIG_YEAR_END - DAYS * DAY;

const TOTAL = { ambassadors: 50_000, clicks: 1_000_000, conversions: 100_000, shown: 600_000, opened: 150_000, shares: 80_000 };
const CUSTOMERS = 70_000;

const DEVICES = [
  { browser: 'Mobile Safari', os: 'iOS', device_type: 'mobile', weight: 35 },
  { browser: 'Chrome', os: 'Android', device_type: 'mobile', weight: 30 },
  { browser: 'Chrome', os: 'Windows', device_type: 'desktop', weight: 18 },
  { browser: 'Safari', os: 'Mac OS', device_type: 'desktop', weight: 7 },
  { browser: 'Firefox', os: 'Windows', device_type: 'desktop', weight: 4 },
  { browser: 'Samsung Internet', os: 'Android', device_type: 'mobile', weight: 4 },
  { browser: 'Mobile Safari', os: 'iOS', device_type: 'tablet', weight: 2 },
] as const;
const CHANNELS = ['whatsapp', 'copy_link', 'telegram', 'native', 'email', 'copy_code', 'facebook', 'x', 'sms', 'qr'] as const;
const PLACEMENTS = ['launcher', 'inline', 'banner', 'product', 'purchase'] as const;
const REWARD_STATUSES = [['approved', 40], ['paid', 25], ['pending', 20], ['voided', 5], ['held', 5], ['rejected', 5]] as const;

/** mulberry32: a small seeded generator, so every run builds the same database. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export async function seedBig(path: string): Promise<{ ms: number }> {
  const started = performance.now();
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const db = openDatabase(path);
  const store = new SqliteStore(db);
  await saveProgram(
    store,
    { id: BIG_PROGRAM.id, name: 'Big benchmark shop', secretKey: BIG_PROGRAM.secretKey, landingUrl: 'https://big.example/', allowedOrigins: ['https://big.example'] },
    YEAR_START,
  );
  const write = createBulkSeed(db);
  const rand = random(20_250_101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const weighted = <T extends { weight: number }>(items: readonly T[]): T => {
    let r = rand() * items.reduce((sum, item) => sum + item.weight, 0);
    for (const item of items) if ((r -= item.weight) < 0) return item;
    return items[0] as T;
  };
  const program_id = BIG_PROGRAM.id;
  const perDay = (total: number) => Math.round(total / DAYS);
  let ambassadorCount = 0;
  let conversionId = 0;
  const codes: string[] = [];
  const createdAt: number[] = [];

  for (let day = 0; day < DAYS; day++) {
    const dayStart = YEAR_START + day * DAY;
    const at = () => dayStart + Math.floor(rand() * DAY);
    const rows: BulkRows = { ambassadors: [], clicks: [], widgetEvents: [], conversions: [], rewards: [], bindings: [] };

    // Ambassadors join at a steady pace, ids in order of joining.
    const joining = day === DAYS - 1 ? TOTAL.ambassadors - ambassadorCount : perDay(TOTAL.ambassadors);
    const joined: number[] = [];
    for (let i = 0; i < joining; i++) joined.push(at());
    joined.sort((a, b) => a - b);
    for (const time of joined) {
      const id = ++ambassadorCount;
      const code = `BIG${id.toString(36).toUpperCase().padStart(5, '0')}`;
      codes[id] = code;
      createdAt[id] = time;
      rows.ambassadors.push({ id, program_id, code, email: `ambassador${id}@example.com`, name: id % 7 === 0 ? null : `Ambassador ${id}`, created_at: time });
    }
    // Activity goes mostly to a few ambassadors (the 80/20 rule), among those who have joined.
    const active = () => 1 + Math.floor(ambassadorCount * rand() ** 3);

    const dayClicks: BulkRows['clicks'] = [];
    for (let i = 0; i < perDay(TOTAL.clicks); i++) {
      const ambassadorId = active();
      const time = Math.max(at(), createdAt[ambassadorId]!);
      const device = weighted(DEVICES);
      const qr = rand() < 0.08 ? 1 : 0;
      dayClicks.push({
        id: newClickId(time),
        program_id,
        ambassador_id: ambassadorId,
        visitor_id: rand() < 0.85 ? `v${Math.floor(rand() * 2_000_000)}` : null,
        source: qr || rand() < 0.4 ? 'link' : 'widget',
        counted: rand() < 0.9 ? 1 : 0,
        self: rand() < 0.01 ? 1 : 0,
        qr,
        browser: device.browser,
        os: device.os,
        device_type: device.device_type,
        created_at: time,
      });
    }
    dayClicks.sort((a, b) => (a.id < b.id ? -1 : 1));
    rows.clicks = dayClicks;

    const event = (type: string, channel: string | null, ambassadorId: number | null) =>
      rows.widgetEvents.push({ program_id, type, placement: pick(PLACEMENTS), channel, visitor_id: `v${Math.floor(rand() * 2_000_000)}`, ambassador_id: ambassadorId, created_at: at() });
    for (let i = 0; i < perDay(TOTAL.shown); i++) event('widget_shown', null, null);
    for (let i = 0; i < perDay(TOTAL.opened); i++) event('panel_opened', null, null);
    for (let i = 0; i < perDay(TOTAL.shares); i++) event('share', pick(CHANNELS), rand() < 0.95 ? active() : null);
    rows.widgetEvents.sort((a, b) => a.created_at - b.created_at);

    const referable = dayClicks.filter((click) => click.counted === 1 && click.self === 0 && click.visitor_id !== null);
    const dayConversions = perDay(TOTAL.conversions);
    for (let i = 0; i < dayConversions; i++) {
      const id = ++conversionId;
      const r = rand();
      const currency = r < 0.8 ? 'EUR' : r < 0.95 ? 'USD' : 'GBP';
      const amount = 1_000 + Math.floor(rand() * 19_000);
      const refund = rand();
      const refunded = refund < 0.04 ? amount : refund < 0.08 ? Math.floor(amount / 3) : 0;
      const email = `customer${Math.floor(rand() * CUSTOMERS)}@example.com`;
      const referred = rand() < 0.5 && referable.length > 0;
      const click = referred ? pick(referable) : null;
      const via = !click ? null : rand() < 0.75 ? 'click' : rand() < 0.8 ? 'coupon' : 'code';
      const ambassadorId = click ? click.ambassador_id : null;
      const time = click ? Math.max(click.created_at + 60_000, at()) : at();
      rows.conversions.push({
        id,
        program_id,
        order_id: `order-${id}`,
        amount,
        currency,
        refunded_amount: refunded,
        status: refunded === 0 ? 'paid' : refunded === amount ? 'refunded' : 'partially_refunded',
        customer_email: email,
        visitor_id: click && via !== 'coupon' ? click.visitor_id : null,
        coupon_code: via === 'coupon' ? codes[ambassadorId!]! : null,
        attributed: click ? 1 : 0,
        attributed_via: via,
        ambassador_id: ambassadorId,
        click_id: click && via !== 'coupon' ? click.id : null,
        reason: click ? null : 'no_referral',
        created_at: time,
      });
      if (click) {
        const status = refunded === amount ? 'voided' : weighted(REWARD_STATUSES.map(([name, weight]) => ({ name, weight }))).name;
        rows.rewards.push({
          program_id,
          ambassador_id: ambassadorId!,
          conversion_id: id,
          amount: Math.round((amount - refunded) / 10),
          currency,
          status,
          reasons: status === 'held' ? 'ip_velocity' : status === 'rejected' ? 'self_referral_email' : '',
          created_at: time,
        });
        if (rand() < 0.2) {
          rows.bindings.push({ program_id, ambassador_id: ambassadorId!, email_normalised: email, click_id: click.id, referred_at: click.created_at, created_at: Math.min(time, click.created_at + 1_000) });
        }
      }
    }
    rows.conversions.sort((a, b) => a.created_at - b.created_at);
    write(rows);
  }
  // The bulk inserts went around the roll-ups: compute them once from what is now stored.
  rebuildRollups(db, BIG_YEAR_END);
  db.pragma('optimize');
  await store.close();
  return { ms: performance.now() - started };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.env.SARAFAN_DB_PATH ?? './data/big.sqlite';
  console.log(`Seeding ${path}: ${TOTAL.ambassadors} ambassadors, ${TOTAL.clicks} clicks, ${TOTAL.conversions} conversions, ${TOTAL.shown + TOTAL.opened + TOTAL.shares} widget events…`);
  const { ms } = await seedBig(path);
  console.log(`Done in ${(ms / 1000).toFixed(1)} s.`);
}
