/**
 * Click ingestion against its budget (docs: DESIGN.md, "Budgets"):
 *   1. an empty Fastify JSON POST route (the baseline),
 *   2. `POST /v1/widget/clicks` flat out, every click a new visitor (a real insert),
 *   3. `POST /v1/widget/clicks` at a fixed 2,000 requests/s,
 * then checks that every click acknowledged with a 2xx is in the database file.
 *
 * Both servers run the same way: each in its own child process started with tsx (the baseline
 * with the tracking server's logger level and body limit), while autocannon drives them from
 * this process. Figures are reported, not asserted: they depend on
 * the machine. Runnable alone: `npx tsx tests/bench/click-throughput.ts` (about 30 s).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

const THIS_FILE = fileURLToPath(import.meta.url);
const SECRET_KEY = 'sk_bench_not_a_real_key';
const SHOP_ORIGIN = 'http://localhost:3000';
const CONNECTIONS = 50;
/** Flat-out runs alternate (empty, clicks, empty, clicks) and the better round of each counts:
 * on a shared 2-core machine a neighbour's burst would otherwise decide the ratio. */
const ROUNDS = 2;
const WARMUP_S = 1.5;
const WARMUP_CLICKS = 5_000;
const MEASURE_S = 4;
const FIXED_RATE = 2_000;
const FIXED_RATE_S = 6;
const BUDGET = { ratio: 0.6, p99AtFixedRateMs: 25 };
/** Requests come from people's browsers (bots and empty user agents are not counted), a few
 * kinds of them in turn, as real traffic repeats a handful of user agents. Both servers get them. */
const BROWSER_USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
];
let userAgentTurn = 0;

// ---------------------------------------------------------------------------------------------
// autocannon has no bundled types; this is the part of its API used here.

interface AutocannonResult {
  latency: { p50: number; p99: number; max: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration?: number;
  /** A fixed number of requests, all of which are awaited (so every one is counted). */
  amount?: number;
  overallRate?: number;
  /** How often autocannon samples, in ms; its result, `duration` included, is made at a sample. */
  sampleInt?: number;
  requests: Array<{
    method: 'POST';
    path: string;
    headers: Record<string, string>;
    body?: string;
    setupRequest?: (request: { body?: string; headers?: Record<string, string> }) => { body?: string; headers?: Record<string, string> };
  }>;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

// ---------------------------------------------------------------------------------------------
// Child processes: `--serve baseline` or `--serve sarafan <db path>`; each prints `READY <url>`.

async function serveBaseline(): Promise<string> {
  const { default: Fastify } = await import('fastify');
  // Configured like the tracking server (logger at warn, same body limit), so the difference
  // measured is the work of counting a click and not a different setup.
  const { BODY_LIMIT_BYTES } = await import('../../server/src/app.ts');
  const app = Fastify({ logger: { level: 'warn' }, bodyLimit: BODY_LIMIT_BYTES });
  app.post('/empty', async () => ({}));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

async function serveSarafan(dbPath: string): Promise<string> {
  const { startTrackingServer } = await import('../../server/src/start.ts');
  const server = await startTrackingServer({
    port: 0,
    host: '127.0.0.1',
    dbPath,
    demoSecret: SECRET_KEY,
    demoSecretFromEnv: true,
    demoShopUrl: SHOP_ORIGIN,
    logLevel: 'warn',
  });
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
  return server.url;
}

interface Child {
  url: string;
  stop(): Promise<void>;
}

async function startChild(args: string[]): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), THIS_FILE, '--serve', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(line.slice('READY '.length));
    });
    child.once('exit', (code) => reject(new Error(`bench server exited early (code ${code})`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------

interface RunOptions {
  body: () => string;
  origin?: string;
  /** Either a duration or a number of requests. */
  seconds?: number;
  amount?: number;
  rate?: number;
}

function run(url: string, path: string, options: RunOptions) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    // A run of a fixed amount ends at the first sample after its last answer: with the default
    // second between samples, its duration (and so its rate) would be rounded up to whole seconds.
    sampleInt: 10,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? MEASURE_S }),
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', ...(options.origin ? { origin: options.origin } : {}) },
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'user-agent': BROWSER_USER_AGENTS[userAgentTurn++ % BROWSER_USER_AGENTS.length]! },
          body: options.body(),
        }),
      },
    ],
  });
}

/** Answered requests per second of wall time (runs of a fixed `amount` end at odd moments). */
const perSecond = (result: AutocannonResult) => (result['2xx'] + result.non2xx) / result.duration;
const best = (results: AutocannonResult[]) => results.reduce((a, b) => (perSecond(b) > perSecond(a) ? b : a));

const round = (value: number, digits = 0) => Number(value.toFixed(digits));

export async function benchClicks(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'sarafan-bench-'));
  const dbPath = join(dir, 'bench.sqlite');
  let visitor = 0;
  const children: Child[] = [];
  try {
    // Both servers start up front; the one not being measured is idle and costs nothing.
    const baseline = await startChild(['baseline']);
    children.push(baseline);
    const sarafan = await startChild(['sarafan', dbPath]);
    children.push(sarafan);

    const created = await fetch(`${sarafan.url}/v1/ambassadors`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ambassador@example.com', name: 'Bench' }),
    });
    const { code } = (await created.json()) as { code: string };
    // Every click a new visitor, so that each one is a real insert; the same body for both servers.
    // Random ids, as the widget makes them: numbered ones would land side by side in the indexes
    // by visitor, and a commit would write far fewer pages than real traffic makes it write.
    const visitorId = () => `${Math.random().toString(36).slice(2, 14)}${(visitor++).toString(36)}`;
    const clickBody = () => JSON.stringify({ programId: 'demo', code, visitorId: visitorId(), url: `${SHOP_ORIGIN}/?ref=${code}` });
    const emptyRun = (seconds: number) => run(baseline.url, '/empty', { seconds, body: clickBody, origin: SHOP_ORIGIN });
    // Click runs send a fixed number of requests and wait for every answer, so that the count of
    // acknowledged clicks is exact (a timed run abandons the requests in flight when it stops).
    const clickRun = (amount: number, rate?: number) =>
      run(sarafan.url, '/v1/widget/clicks', { amount, body: clickBody, origin: SHOP_ORIGIN, ...(rate ? { rate } : {}) });

    await emptyRun(WARMUP_S);
    const clickRuns: AutocannonResult[] = [await clickRun(WARMUP_CLICKS)];
    const emptyRounds: AutocannonResult[] = [];
    const clickRounds: AutocannonResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      emptyRounds.push(await emptyRun(MEASURE_S));
      // As many clicks as the last run managed in MEASURE_S seconds.
      const measured = await clickRun(Math.max(1_000, Math.round(perSecond(clickRuns.at(-1)!) * MEASURE_S)));
      clickRounds.push(measured);
      clickRuns.push(measured);
    }
    const fixed = await clickRun(FIXED_RATE * FIXED_RATE_S, FIXED_RATE);
    clickRuns.push(fixed);

    // Read through a separate connection while the server still runs: acknowledged means committed.
    const acknowledged = clickRuns.reduce((sum, result) => sum + result['2xx'], 0);
    const db = new Database(dbPath, { readonly: true });
    const onDisk = db.prepare('SELECT count(*) FROM clicks').pluck().get() as number;
    db.close();

    const empty = best(emptyRounds);
    const flatOut = best(clickRounds);
    const ratio = perSecond(flatOut) / perSecond(empty);
    const figures: Record<string, number | string> = {
      emptyRouteRps: round(perSecond(empty)),
      emptyRouteP99Ms: empty.latency.p99,
      clicksRps: round(perSecond(flatOut)),
      clicksP99Ms: flatOut.latency.p99,
      clicksToEmptyRatio: round(ratio, 2),
      fixedRateTarget: FIXED_RATE,
      fixedRateRps: round(perSecond(fixed)),
      fixedRateP50Ms: fixed.latency.p50,
      fixedRateP99Ms: fixed.latency.p99,
      clicksAcknowledged: acknowledged,
      clicksOnDisk: onDisk,
      clickErrors: clickRuns.reduce((sum, result) => sum + result.errors + result.non2xx, 0),
      throughputBudget: ratio >= BUDGET.ratio ? 'met' : 'MISSED',
      latencyBudget: fixed.latency.p99 <= BUDGET.p99AtFixedRateMs ? 'met' : 'MISSED',
      durabilityCheck: onDisk === acknowledged ? 'met' : 'MISSED',
    };
    printTable(figures);
    return figures;
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(f: Record<string, number | string>): void {
  const rows: Array<[string, string, string]> = [
    ['empty Fastify JSON POST', `${f.emptyRouteRps} req/s`, `p99 ${f.emptyRouteP99Ms} ms`],
    ['POST /v1/widget/clicks', `${f.clicksRps} req/s (${f.clicksToEmptyRatio}x, budget >= ${BUDGET.ratio}: ${f.throughputBudget})`, `p99 ${f.clicksP99Ms} ms`],
    [`clicks at ${FIXED_RATE} req/s`, `${f.fixedRateRps} req/s`, `p99 ${f.fixedRateP99Ms} ms (budget <= ${BUDGET.p99AtFixedRateMs}: ${f.latencyBudget})`],
    ['acknowledged clicks on disk', `${f.clicksOnDisk} of ${f.clicksAcknowledged}: ${f.durabilityCheck}`, `errors ${f.clickErrors}`],
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(
    `Click ingestion (${CONNECTIONS} connections, best of ${ROUNDS} alternating ${MEASURE_S}-second rounds, servers in child processes)`,
  );
  for (const row of rows) console.log(`  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('   ')}`);
}

// ---------------------------------------------------------------------------------------------

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex !== -1) {
  const kind = process.argv[serveIndex + 1];
  const url = kind === 'baseline' ? await serveBaseline() : await serveSarafan(String(process.argv[serveIndex + 2]));
  console.log(`READY ${url}`);
} else if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  await benchClicks();
}
