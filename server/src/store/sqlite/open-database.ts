import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate.ts';
import { ensureRollups } from './rollup-rebuild.ts';

/**
 * Opens (creating the folder and file if needed) and migrates a SQLite database, and fills the
 * analytics roll-ups if it has none yet (the first start after migration 011).
 *
 * WAL lets readers run while a batch of clicks is written. `synchronous = FULL` makes every
 * commit reach the disk before we acknowledge the request it carried; batching click writes is
 * what keeps that affordable.
 */
export function openDatabase(path: string, options: { migrate?: boolean } = {}): Database.Database {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 32 MB of page cache: the click indexes are keyed by random ids, so their pages are hit at random.
  db.pragma('cache_size = -32768');
  // Checkpoint every 4,000 pages (16 MB) instead of 1,000: a hot index page rewritten by many
  // commits is copied to the database file once per checkpoint, so fewer checkpoints write less.
  db.pragma('wal_autocheckpoint = 4000');
  if (options.migrate !== false) {
    migrate(db);
    ensureRollups(db);
  }
  return db;
}
