/**
 * Click ingestion against its budget (docs: DESIGN.md, "Budgets"):
 *   1. an empty Fastify JSON POST route (the baseline),
 *   2. `POST /v1/widget/clicks` flat out, every click a new visitor (a real insert),
 *   3. `POST /v1/widget/clicks` at a fixed 2,000 requests/s,
 * then checks that every click acknowledged with a 2xx is in the database file.
 *
 * Both servers run the same way: each in its own child process started with tsx, while
 * autocannon drives them from this process. Figures are reported, not asserted: they depend on
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
const WARMUP_S = 2;
const MEASURE_S = 7;
const FIXED_RATE = 2_000;
const BUDGET = { ratio: 0.6, p99AtFixedRateMs: 25 };

// ---------------------------------------------------------------------------------------------
// autocannon has no bundled types; this is the part of its API used here.

interface AutocannonResult {
  requests: { average: number };
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
  duration: number;
  overallRate?: number;
  requests: Array<{
    method: 'POST';
    path: string;
    headers: Record<string, string>;
    body?: string;
    setupRequest?: (request: { body?: string }) => { body?: string };
  }>;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

// ---------------------------------------------------------------------------------------------
// Child processes: `--serve baseline` or `--serve sarafan <db path>`; each prints `READY <url>`.

async function serveBaseline(): Promise<string> {
  const { default: Fastify } = await import('fastify');
  const app = Fastify({ logger: false });
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

function run(url: string, path: string, options: { seconds: number; rate?: number; body: () => string; origin?: string }) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: options.seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', ...(options.origin ? { origin: options.origin } : {}) },
        setupRequest: (request) => ({ ...request, body: options.body() }),
      },
    ],
  });
}

const round = (value: number, digits = 0) => Number(value.toFixed(digits));

export async function benchClicks(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'sarafan-bench-'));
  const dbPath = join(dir, 'bench.sqlite');
  let visitor = 0;
  const children: Child[] = [];
  try {
    const baseline = await startChild(['baseline']);
    children.push(baseline);
    const emptyBody = () => JSON.stringify({ programId: 'demo', code: 'BENCH2345', visitorId: `v${visitor++}` });
    await run(baseline.url, '/empty', { seconds: WARMUP_S, body: emptyBody });
    const empty = await run(baseline.url, '/empty', { seconds: MEASURE_S, body: emptyBody });
    await baseline.stop();
    children.pop();

    const sarafan = await startChild(['sarafan', dbPath]);
    children.push(sarafan);
    const created = await fetch(`${sarafan.url}/v1/ambassadors`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ambassador@example.com', name: 'Bench' }),
    });
    const { code } = (await created.json()) as { code: string };
    const clickBody = () => JSON.stringify({ programId: 'demo', code, visitorId: `visitor-${visitor++}`, url: `${SHOP_ORIGIN}/?ref=${code}` });
    const clickRun = (seconds: number, rate?: number) =>
      run(sarafan.url, '/v1/widget/clicks', { seconds, body: clickBody, origin: SHOP_ORIGIN, ...(rate ? { rate } : {}) });

    const warm = await clickRun(WARMUP_S);
    const flatOut = await clickRun(MEASURE_S);
    const fixed = await clickRun(MEASURE_S, FIXED_RATE);

    // Read through a separate connection while the server still runs: acknowledged means committed.
    const acknowledged = warm['2xx'] + flatOut['2xx'] + fixed['2xx'];
    const db = new Database(dbPath, { readonly: true });
    const onDisk = db.prepare('SELECT count(*) FROM clicks').pluck().get() as number;
    db.close();
    await sarafan.stop();
    children.pop();

    const ratio = flatOut.requests.average / empty.requests.average;
    const figures: Record<string, number | string> = {
      emptyRouteRps: round(empty.requests.average),
      emptyRouteP99Ms: empty.latency.p99,
      clicksRps: round(flatOut.requests.average),
      clicksP99Ms: flatOut.latency.p99,
      clicksToEmptyRatio: round(ratio, 2),
      fixedRateTarget: FIXED_RATE,
      fixedRateRps: round(fixed.requests.average),
      fixedRateP50Ms: fixed.latency.p50,
      fixedRateP99Ms: fixed.latency.p99,
      clicksAcknowledged: acknowledged,
      clicksOnDisk: onDisk,
      clickErrors: warm.errors + flatOut.errors + fixed.errors + warm.non2xx + flatOut.non2xx + fixed.non2xx,
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
  console.log(`Click ingestion (${CONNECTIONS} connections, ${MEASURE_S} s per run, servers in child processes)`);
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
