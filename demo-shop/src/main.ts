/**
 * The demo shop on its own, configured from the environment (see README.md). Expects a tracking
 * server at SARAFAN_URL; `npm start` (start-demo.ts) runs both together instead.
 */
import { stopOnSignals } from '../../server/src/stop-on-signals.ts';
import { startDemoShop } from './start.ts';

// `base: null` keeps the host name and pid out of the log lines.
const shop = await startDemoShop({}, { logger: { level: process.env.LOG_LEVEL || 'info', base: null } });
console.log(`Demo shop: ${shop.publicUrl} (Sarafan at ${shop.config.sarafanUrl})`);

stopOnSignals((signal) => `\n${signal}: stopping the demo shop`, () => shop.close());
