/**
 * `npm run start:server`: the tracking server on its own, configured by environment variables
 * (see server/README.md). Stops cleanly on SIGINT / SIGTERM: batched clicks are written first.
 */
import { stopOnSignals } from './stop-on-signals.ts';
import { ConfigError, DEFAULT_DEMO_SECRET, loadConfig } from './config.ts';
import { DEMO_PROGRAM_ID } from './seed-demo.ts';
import { startTrackingServer } from './start.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await startTrackingServer(config);

  console.log(`Sarafan tracking server listening on ${server.url}`);
  console.log(`Short links: ${server.publicUrl}/r/{code}   Widget: ${server.publicUrl}/widget.js   Dashboard: ${server.publicUrl}/admin`);
  if (config.seedDemo) {
    console.log(`Demo program "${DEMO_PROGRAM_ID}" for ${config.demoShopUrl}`);
    if (config.demoSecretFromEnv) {
      console.log('Demo secret key: set by SARAFAN_DEMO_SECRET (not shown).');
    } else {
      console.log(`Demo secret key: ${DEFAULT_DEMO_SECRET}`);
      console.log('Warning: this is the public demo key. Set SARAFAN_DEMO_SECRET before exposing this server.');
    }
  }
  if (!process.env.SARAFAN_IP_SALT) {
    console.log('Note: SARAFAN_IP_SALT is not set; the daily salts derive from a random secret, so short-link deduplication restarts with the server.');
  }

  stopOnSignals((signal) => `${signal}: closing (writing pending clicks)…`, () => server.close());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
