/**
 * The demo shop on its own, configured from the environment (see README.md). Expects a tracking
 * server at SARAFAN_URL; `npm start` (start-demo.ts) runs both together instead.
 */
import { startDemoShop } from './start.ts';

// `base: null` keeps the host name and pid out of the log lines.
const shop = await startDemoShop({}, { logger: { level: process.env.LOG_LEVEL || 'info', base: null } });
console.log(`Demo shop: ${shop.publicUrl} (Sarafan at ${shop.config.sarafanUrl})`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the demo shop`);
  await shop.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
