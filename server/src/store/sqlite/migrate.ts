import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIGRATION_FILE = /^(\d{3})-[a-z0-9-]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered `.sql` files, in order. Gaps or duplicate numbers are a packaging mistake. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .map((name) => ({ name, match: MIGRATION_FILE.exec(name) }))
    .filter((entry) => entry.match !== null)
    .map(({ name, match }) => ({ version: Number(match?.[1]), name, sql: readFileSync(join(dir, name), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} is out of sequence: expected number ${index + 1}.`);
    }
  });
  return migrations;
}

/**
 * Applies the migrations the database has not seen, each in its own transaction, and records
 * them in `schema_migrations`. Forward-only: a database newer than this code is refused.
 */
export function migrate(db: Database, migrations: Migration[] = readMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  const newest = Math.max(0, ...applied);
  const latestKnown = migrations.at(-1)?.version ?? 0;
  if (newest > latestKnown) {
    throw new Error(`The database is at schema version ${newest}, newer than this server (${latestKnown}).`);
  }
  const record = db.prepare<{ version: number; name: string; appliedAt: number }>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt)',
  );
  const appliedNow: number[] = [];
  // Foreign keys are checked once per migration instead of row by row, so that a migration can
  // rebuild a table that others reference (SQLite's way to change a CHECK): dropping the old
  // table would otherwise fail on the references it is about to get back.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      db.transaction(() => {
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`Migration ${migration.name} breaks ${broken.length} foreign key references.`);
        record.run({ version: migration.version, name: migration.name, appliedAt: Date.now() });
      }).immediate();
      appliedNow.push(migration.version);
    }
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return appliedNow;
}
