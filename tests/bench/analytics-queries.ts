/**
 * `npm run bench:analytics` (and part of `npm run bench` when the database exists): the time of
 * each figure of the owner's overview on the year of data `npm run seed:big` builds, the median
 * of a few runs, over the last 30 days (the dashboard's default) and over the whole year. Every
 * figure must answer within 200 ms over both. Each is timed as the server computes it: sums from
 * the daily roll-ups, plus the raw rows of partial days; distinct counts exact up to
 * `EXACT_ROW_LIMIT` rows, estimated from the daily sketches above (the year's are; the figures
 * estimated are listed). The whole overview (one read transaction) and the ambassadors list are
 * timed too. A database from before the roll-ups gets them first, as the server would (timed).
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { BIG_PROGRAM, BIG_YEAR_END } from '../../server/scripts/seed-big.ts';
import { createAmbassadorList } from '../../server/src/store/sqlite/ambassador-list.ts';
import { createAnalyticsFigures } from '../../server/src/store/sqlite/analytics-figures.ts';
import { createAnalyticsQueries } from '../../server/src/store/sqlite/analytics-queries.ts';
import { openDatabase } from '../../server/src/store/sqlite/open-database.ts';
import { createRollupReads } from '../../server/src/store/sqlite/rollup-reads.ts';
import { createRollupSources } from '../../server/src/store/sqlite/rollup-sources.ts';
import { createRollupWrites } from '../../server/src/store/sqlite/rollup-writes.ts';
import { SqliteStore } from '../../server/src/store/sqlite/sqlite-store.ts';

export const BIG_DB_PATH = process.env.SARAFAN_DB_PATH ?? './data/big.sqlite';
export const OVERVIEW_QUERY_BUDGET_MS = 200;
const RUNS = 5;
const DAY = 86_400_000;

function medianMs(run: () => unknown, runs = RUNS): number {
  run(); // warm the page cache and the statement
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] as number;
}

const row = (name: string, ms: number, budget: number | null) =>
  console.log(`  ${name.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms${budget === null ? '' : ms <= budget ? '  ok' : `  OVER ${budget} ms`}`);

export async function benchAnalytics(path: string = BIG_DB_PATH): Promise<{ slowestOverviewMs: number }> {
  if (!existsSync(path)) {
    console.log(`Analytics queries: no database at ${path}; build it with \`npm run seed:big\`.`);
    return { slowestOverviewMs: 0 };
  }
  console.log(`Load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  // Opened as the server opens it: migrated, with the roll-ups filled if the file predates them.
  const opening = performance.now();
  const db = openDatabase(path);
  console.log(`Opened in ${((performance.now() - opening) / 1000).toFixed(1)} s (a file from before the roll-ups gets them filled first)`);
  const store = new SqliteStore(db);
  const sources = createRollupSources(db);
  const reads = createRollupReads(db, sources);
  const { figures } = createAnalyticsFigures(createAnalyticsQueries(db, createRollupWrites(db, sources)).queries, reads);
  const ambassadors = createAmbassadorList(db);
  const programId = BIG_PROGRAM.id;
  const counts = db.prepare('SELECT (SELECT count(*) FROM clicks) AS clicks, (SELECT count(*) FROM conversions) AS conversions, (SELECT count(*) FROM ambassadors) AS ambassadors, (SELECT count(*) FROM widget_events) AS events').get();
  console.log(`Analytics queries on ${path} (${JSON.stringify(counts)}), median of ${RUNS} runs`);

  let slowestOverviewMs = 0;
  for (const days of [30, 365]) {
    const params = { programId, from: BIG_YEAR_END - days * DAY, to: BIG_YEAR_END };
    console.log(`\n Overview over the last ${days} days`);
    for (const [name, figure] of Object.entries(figures)) {
      // A fresh period each run: its roll-up rows are read again, as for a request.
      const ms = medianMs(() => figure(reads.period(params)));
      slowestOverviewMs = Math.max(slowestOverviewMs, ms);
      row(name, ms, OVERVIEW_QUERY_BUDGET_MS);
    }
    // analyticsFacts does its work before it returns its promise: timing the call times the work.
    row('whole overview (one transaction)', medianMs(() => store.analyticsFacts(programId, params)), null);
    console.log(`  estimated: ${(await store.analyticsFacts(programId, params)).estimated.join(', ') || 'none'}`);
  }

  console.log('\n Ambassadors list (first page of 50)');
  for (const sort of ['createdAt', 'name', 'clicks', 'conversions', 'revenue'] as const) {
    row(`sort=${sort}`, medianMs(() => ambassadors.list(programId, { q: null, sort, order: 'desc', limit: 50, offset: 0 })), null);
  }
  row('q=ambassador42 (search)', medianMs(() => ambassadors.list(programId, { q: 'ambassador42', sort: 'createdAt', order: 'desc', limit: 50, offset: 0 })), null);
  row('sort=createdAt, offset 25,000', medianMs(() => ambassadors.list(programId, { q: null, sort: 'createdAt', order: 'desc', limit: 50, offset: 25_000 })), null);
  await store.close();
  return { slowestOverviewMs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { slowestOverviewMs } = await benchAnalytics();
  if (slowestOverviewMs > OVERVIEW_QUERY_BUDGET_MS) process.exitCode = 1;
}
