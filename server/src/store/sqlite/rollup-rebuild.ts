import type { Database } from 'better-sqlite3';
import { HyperLogLog } from '../../domain/hyperloglog.ts';
import { createRollupSources, SKETCH_METRICS } from './rollup-sources.ts';
import { createRollupWrites } from './rollup-writes.ts';

const ALL_TIME = { from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER };

/**
 * Computes every roll-up again from the raw tables, in one transaction: on the first start after
 * migration 011 (`ensureRollups`), and after a bulk load that bypassed them (`npm run seed:big`).
 */
export function rebuildRollups(db: Database, at: number = Date.now()): void {
  const sources = createRollupSources(db);
  const writes = createRollupWrites(db, sources);
  const insert = {
    clicks: db.prepare(
      `INSERT INTO rollup_clicks (program_id, day, device_type, browser, os, clicks, qr)
       VALUES (@programId, @day, @device_type, @browser, @os, @clicks, @qr)`,
    ),
    widgetEvents: db.prepare(
      'INSERT INTO rollup_widget_events (program_id, day, type, channel, events) VALUES (@programId, @day, @type, @channel, @events)',
    ),
    conversions: db.prepare(
      `INSERT INTO rollup_conversions (program_id, day, currency, attributed, coupon_only, orders, revenue)
       VALUES (@programId, @day, @currency, @attributed, @coupon_only, @orders, @revenue)`,
    ),
  };
  const programs = db.prepare<[], string>('SELECT id FROM programs ORDER BY id').pluck();
  const markBuilt = db.prepare('INSERT OR REPLACE INTO rollups_built (id, built_at) VALUES (1, ?)');

  db.transaction(() => {
    db.exec('DELETE FROM rollup_clicks; DELETE FROM rollup_widget_events; DELETE FROM rollup_conversions; DELETE FROM rollup_sketches;');
    for (const programId of programs.all()) {
      const all = { programId, ...ALL_TIME };
      for (const row of sources.clicks.all(all)) insert.clicks.run({ programId, ...row });
      for (const row of sources.widgetEvents.all(all)) insert.widgetEvents.run({ programId, ...row });
      for (const row of sources.conversions.all(all)) insert.conversions.run({ programId, ...row });
      // One figure at a time, so that at most a figure's sketches of every day are in memory.
      for (const metric of SKETCH_METRICS) {
        const sketches = new Map<string, { day: number; scope: string; sketch: HyperLogLog }>();
        for (const row of sources.sketchIds[metric].iterate(all)) {
          const key = `${row.day} ${row.scope}`;
          const entry = sketches.get(key) ?? { day: row.day, scope: row.scope, sketch: new HyperLogLog() };
          entry.sketch.add(row.id);
          sketches.set(key, entry);
        }
        for (const { day, scope, sketch } of sketches.values()) writes.saveSketch({ programId, metric, day, scope, registers: sketch.toBlob() });
      }
    }
    markBuilt.run(at);
  }).immediate();
}

/**
 * Fills the roll-ups once, when a database has none yet (`rollups_built` is empty): every
 * database that had events before migration 011. Returns whether it did.
 */
export function ensureRollups(db: Database): boolean {
  const built = db.prepare('SELECT 1 FROM rollups_built').pluck();
  if (built.get() === 1) return false;
  rebuildRollups(db);
  return true;
}
