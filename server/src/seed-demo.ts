import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import { originOf, withLoopbackAlias } from './domain/origins.ts';
import { saveProgram } from './services/programs.ts';
import type { ProgramRecord } from './store/records.ts';
import type { Store } from './store/store.ts';

export const DEMO_PROGRAM_ID = 'demo';

export interface DemoSeedOptions {
  secretKey: string;
  /** The demo shop: landing URL of short links and the allowed origin of the widget. */
  shopUrl: string;
  clock?: Clock;
}

/**
 * The demo program: 10% of the order as store credit for the ambassador, 10% off for the friend,
 * 30-day last-click attribution, 1-hour click deduplication. Safe to run on every start: what
 * the owner has changed since (rules, attribution, origins they added) stays.
 */
export async function seedDemoProgram(store: Store, options: DemoSeedOptions): Promise<ProgramRecord> {
  return saveProgram(
    store,
    {
      id: DEMO_PROGRAM_ID,
      name: 'Sarafan demo shop',
      secretKey: options.secretKey,
      landingUrl: options.shopUrl,
      allowedOrigins: [options.shopUrl, ...(await originsAddedByOwner(store))],
      // The rules and other settings are left out: a new program starts with the defaults (10%
      // store credit, 10% off for the friend), and a restart keeps what the owner has changed since.
    },
    (options.clock ?? systemClock)(),
  );
}

/** The demo program's origins other than the shop's own, which follows the shop's current URL. */
async function originsAddedByOwner(store: Store): Promise<string[]> {
  const existing = await store.getProgram(DEMO_PROGRAM_ID);
  if (!existing) return [];
  // The landing URL was checked when it was saved.
  const shopOrigins = withLoopbackAlias(originOf(existing.landingUrl)!);
  return existing.allowedOrigins.filter((origin) => !shopOrigins.includes(origin));
}
