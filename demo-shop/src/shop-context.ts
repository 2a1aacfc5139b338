import type { ShopConfig } from './config.ts';
import type { CustomerSessions } from './customer-session.ts';
import type { SarafanClient } from './sarafan/client.ts';
import type { ShopStore } from './store.ts';

/** What every route needs, built once in `buildShopApp`. */
export interface ShopContext {
  config: ShopConfig;
  store: ShopStore;
  sarafan: SarafanClient;
  sessions: CustomerSessions;
  now: () => number;
}
