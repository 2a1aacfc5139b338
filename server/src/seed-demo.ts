import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
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
 * 30-day last-click attribution, 1-hour click deduplication. Safe to run on every start.
 */
export function seedDemoProgram(store: Store, options: DemoSeedOptions): Promise<ProgramRecord> {
  return saveProgram(
    store,
    {
      id: DEMO_PROGRAM_ID,
      name: 'Sarafan demo shop',
      secretKey: options.secretKey,
      landingUrl: options.shopUrl,
      allowedOrigins: [options.shopUrl],
      // The reward rules are left out: a new program starts with the defaults (10% store
      // credit, 10% off for the friend), and a restart keeps what the owner has changed since.
    },
    (options.clock ?? systemClock)(),
  );
}
