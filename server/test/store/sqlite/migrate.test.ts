import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../../src/store/sqlite/migrate.ts';
import { openDatabase } from '../../../src/store/sqlite/open-database.ts';

describe('migrations', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sarafan-migrate-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the schema once, in WAL mode with foreign keys, in a folder it creates', () => {
    const path = join(dir, 'nested', 'folder', 'db.sqlite');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['ambassadors', 'clicks', 'conversions', 'programs', 'refunds', 'rewards', 'schema_migrations']),
    );
    expect(migrate(db)).toEqual([]);
    db.close();
    const again = openDatabase(path);
    expect(again.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(readMigrations().map((m) => m.version));
    again.close();
  });

  it('gives the rewards of version 1 the ledger entries that explain them', () => {
    const db = new Database(':memory:');
    migrate(db, readMigrations().slice(0, 1));
    db.exec(`
      INSERT INTO programs VALUES ('p', 'P', 'https://p.example', 'h', 'k', 1000, 10, 1, 0, 0);
      INSERT INTO ambassadors (id, program_id, code, email, email_normalised, created_at) VALUES (1, 'p', 'A', 'a@x.io', 'a@x.io', 0);
      INSERT INTO conversions (id, program_id, order_id, amount, currency, refunded_amount, status, attributed, ambassador_id, created_at)
        VALUES (1, 'p', 'o1', 1000, 'EUR', 0, 'paid', 1, 1, 0), (2, 'p', 'o2', 1000, 'EUR', 250, 'partially_refunded', 1, 1, 0),
               (3, 'p', 'o3', 1000, 'EUR', 1000, 'refunded', 1, 1, 0);
      INSERT INTO rewards (program_id, ambassador_id, conversion_id, kind, original_amount, amount, currency, status, created_at, updated_at)
        VALUES ('p', 1, 1, 'store_credit', 100, 100, 'EUR', 'pending', 5, 5), ('p', 1, 2, 'store_credit', 100, 75, 'EUR', 'pending', 5, 6),
               ('p', 1, 3, 'store_credit', 100, 0, 'EUR', 'voided', 5, 7);
    `);
    migrate(db);
    const balance = (bucket: string) =>
      db
        .prepare(
          `SELECT COALESCE(SUM(CASE WHEN to_bucket = @bucket THEN amount ELSE 0 END) - SUM(CASE WHEN from_bucket = @bucket THEN amount ELSE 0 END), 0)
           FROM ledger_entries`,
        )
        .pluck()
        .get({ bucket });
    expect(balance('pending')).toBe(175);
    expect(balance('voided')).toBe(125);
    expect(db.prepare("SELECT count(*) FROM rewards WHERE status = 'pending' AND hold_until IS NOT NULL").pluck().get()).toBe(2);
    db.close();
  });

  it('reward-rules makes version 1 from the program settings and rebuilds rewards keeping ids, ledger and foreign keys', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, readMigrations().slice(0, 3));
    db.exec(`
      INSERT INTO programs (id, name, landing_url, secret_hash, identity_key, reward_basis_points, friend_discount_percent,
        attribution_window_ms, dedup_window_ms, created_at, recurring_months) VALUES ('p', 'P', 'https://p.example', 'h', 'k', 750, 15, 1, 0, 3, 6);
      INSERT INTO ambassadors (id, program_id, code, email, email_normalised, created_at) VALUES (1, 'p', 'A', 'a@x.io', 'a@x.io', 0);
      INSERT INTO conversions (id, program_id, order_id, amount, currency, status, attributed, ambassador_id, created_at)
        VALUES (1, 'p', 'o1', 1000, 'EUR', 'paid', 1, 1, 0);
      INSERT INTO rewards (id, program_id, ambassador_id, conversion_id, kind, original_amount, amount, currency, status, created_at, updated_at)
        VALUES (7, 'p', 1, 1, 'store_credit', 75, 75, 'EUR', 'pending', 5, 5);
      INSERT INTO ledger_entries (program_id, ambassador_id, reward_id, currency, amount, from_bucket, to_bucket, reason, actor, created_at)
        VALUES ('p', 1, 7, 'EUR', 75, 'earned', 'pending', 'conversion', 'shop_api', 5);
    `);
    expect(migrate(db)).toContain(4);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const rules = JSON.parse(db.prepare("SELECT rules FROM program_rules WHERE program_id = 'p' AND version = 1").pluck().get() as string);
    expect(rules).toMatchObject({
      sides: 'both',
      referrer: { kind: 'store_credit', rate: { type: 'percent', basisPoints: 750 } },
      friendOffer: { discount: { type: 'percent', percent: 15 }, expiresAfterDays: null, coupon: 'shared' },
      recurringMonths: 6,
      split: { enabled: false, choices: [0] },
    });
    expect(db.prepare('SELECT id, purpose, milestone, amount FROM rewards').all()).toEqual([{ id: 7, purpose: 'conversion', milestone: null, amount: 75 }]);
    expect(db.prepare('SELECT rules_version FROM conversions').pluck().get()).toBe(1);
    // The new table still refuses a second reward of the same purpose for one conversion.
    expect(() =>
      db.exec(`INSERT INTO rewards (program_id, ambassador_id, conversion_id, kind, original_amount, amount, currency, status, created_at, updated_at)
        VALUES ('p', 1, 1, 'cash', 1, 1, 'EUR', 'pending', 6, 6)`),
    ).toThrow(/UNIQUE/);
    expect(() => db.exec("UPDATE program_rules SET rules = '{}'")).toThrow(/immutable/);
    db.close();
  });

  it('click-details adds the click details and the preview image to a version-1 database, keeping its rows', () => {
    const db = new Database(':memory:');
    const migrations = readMigrations();
    const clickDetails = migrations.find((migration) => migration.name.endsWith('-click-details.sql'));
    migrate(db, migrations.slice(0, 1));
    db.exec(`
      INSERT INTO programs VALUES ('p', 'P', 'https://p.example/', 'hash', 'key', 1000, 10, 1, 1, 0);
      INSERT INTO ambassadors VALUES (1, 'p', 'ALICE2345', 'a@example.com', 'a@example.com', NULL, NULL, 0);
      INSERT INTO clicks (id, program_id, ambassador_id, visitor_id, ip_ua_hash, source, counted, self, url, referrer, created_at)
        VALUES ('old-click', 'p', 1, 'v', 'h', 'link', 1, 0, NULL, NULL, 5);`);
    expect(migrate(db)).toContain(clickDetails!.version);
    expect(db.prepare("SELECT qr, browser, os, device_type FROM clicks WHERE id = 'old-click'").get()).toEqual({
      qr: 0,
      browser: null,
      os: null,
      device_type: null,
    });
    expect(db.prepare("SELECT preview_image_url FROM programs WHERE id = 'p'").pluck().get()).toBeNull();
    const insert = (qr: number, deviceType: string) =>
      db
        .prepare(
          `INSERT INTO clicks (id, program_id, ambassador_id, source, counted, self, qr, device_type, created_at)
           VALUES (@id, 'p', 1, 'link', 1, 0, @qr, @deviceType, 6)`,
        )
        .run({ id: `c-${qr}-${deviceType}`, qr, deviceType });
    expect(() => insert(1, 'tablet')).not.toThrow();
    expect(() => insert(2, 'tablet')).toThrow(/CHECK/);
    expect(() => insert(0, 'fridge')).toThrow(/CHECK/);
    db.close();
  });

  it('applies only the migrations a database has not seen, in order', () => {
    const folder = join(dir, 'migrations');
    mkdirSync(folder);
    writeFileSync(join(folder, '001-first.sql'), 'CREATE TABLE a (x INTEGER);');
    writeFileSync(join(folder, 'README.md'), 'not a migration');
    const db = new Database(':memory:');
    expect(migrate(db, readMigrations(folder))).toEqual([1]);
    writeFileSync(join(folder, '002-second.sql'), 'ALTER TABLE a ADD COLUMN y INTEGER;');
    expect(migrate(db, readMigrations(folder))).toEqual([2]);
    expect(migrate(db, readMigrations(folder))).toEqual([]);
    db.close();
  });

  it('rolls back a failing migration completely', () => {
    const folder = join(dir, 'migrations');
    mkdirSync(folder);
    writeFileSync(join(folder, '001-broken.sql'), 'CREATE TABLE a (x INTEGER); CREATE TABLE a (x INTEGER);');
    const db = new Database(':memory:');
    expect(() => migrate(db, readMigrations(folder))).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'a'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(0);
    db.close();
  });

  it('refuses gaps in the numbering and a database newer than the code', () => {
    const folder = join(dir, 'migrations');
    mkdirSync(folder);
    writeFileSync(join(folder, '001-a.sql'), 'SELECT 1;');
    writeFileSync(join(folder, '003-c.sql'), 'SELECT 1;');
    expect(() => readMigrations(folder)).toThrow(/out of sequence/);

    const db = openDatabase(':memory:');
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, 0)').run('099-future.sql');
    expect(() => migrate(db)).toThrow(/newer than this server/);
    db.close();
  });
});
