import type { Clock } from '../clock.ts';
import type { Store } from '../store/store.ts';

/** What every service needs: the store, the clock, and the public base URL of short links. */
export interface ServiceContext {
  store: Store;
  clock: Clock;
  /** Without a trailing slash. A function because with port 0 it is known only after listen. */
  publicUrl: () => string;
}
