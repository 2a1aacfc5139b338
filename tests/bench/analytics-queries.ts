/**
 * `npm run bench:analytics` (and part of `npm run bench` when the database exists): the time of
 * each analytics query on the year of data `npm run seed:big` builds, the median of a few runs.
 * The budget of 200 ms per overview query holds for the dashboard's default period, the last 30
 * days; the whole year is printed for information (distinct visitors over a year are counted from
 * scratch). The ambassadors list is timed too.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import Database from 'better-sqlite3';
import { BIG_PROGRAM, BIG_YEAR_END } from '../../server/scripts/seed-big.ts';
import { createAmbassadorList } from '../../server/src/store/sqlite/ambassador-list.ts';
import { createAnalyticsQueries } from '../../server/src/store/sqlite/analytics-queries.ts';
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
  // The server's own settings (cache size, WAL), without migrating: the seed did that.
  const db = new Database(path, { fileMustExist: true });
  db.pragma('cache_size = -32768');
  const store = new SqliteStore(db);
  const analytics = createAnalyticsQueries(db);
  const ambassadors = createAmbassadorList(db);
  const programId = BIG_PROGRAM.id;
  console.log(`Load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  const counts = db.prepare('SELECT (SELECT count(*) FROM clicks) AS clicks, (SELECT count(*) FROM conversions) AS conversions, (SELECT count(*) FROM ambassadors) AS ambassadors, (SELECT count(*) FROM widget_events) AS events').get();
  console.log(`Analytics queries on ${path} (${JSON.stringify(counts)}), median of ${RUNS} runs`);

  let slowestOverviewMs = 0;
  for (const days of [30, 365]) {
    const params = { programId, from: BIG_YEAR_END - days * DAY, to: BIG_YEAR_END };
    const budget = days === 30 ? OVERVIEW_QUERY_BUDGET_MS : null;
    const runs = days === 30 ? RUNS : 1;
    console.log(`\n Overview over the last ${days} days${budget ? '' : ' (for information, one run)'}`);
    for (const [name, statement] of Object.entries(analytics.queries)) {
      const ms = medianMs(() => statement.all(params), runs);
      if (budget) slowestOverviewMs = Math.max(slowestOverviewMs, ms);
      row(name, ms, budget);
    }
    const clicks = medianMs(() => store.summariseClicks(programId, params), runs);
    if (budget) slowestOverviewMs = Math.max(slowestOverviewMs, clicks / 4);
    row('click breakdown (4 queries)', clicks, budget && 4 * budget);
    const started = performance.now();
    await store.analyticsFacts(programId, params);
    row('whole overview (one transaction)', performance.now() - started, null);
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
