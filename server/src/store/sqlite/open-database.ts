import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate.ts';

/**
 * Opens (creating the folder and file if needed) and migrates a SQLite database.
 *
 * WAL lets readers run while a batch of clicks is written. `synchronous = FULL` makes every
 * commit reach the disk before we acknowledge the request it carried; batching click writes is
 * what keeps that affordable.
 */
export function openDatabase(path: string, options: { migrate?: boolean } = {}): Database.Database {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${process.env.SYNC ?? 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (options.migrate !== false) migrate(db);
  return db;
}
