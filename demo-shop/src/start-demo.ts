/**
 * `npm start`: the whole demo in one process — the Sarafan tracking server and the demo shop that
 * uses it. Configured by the same environment variables as each of them on its own; the shop's
 * address becomes the demo program's landing URL and allowed origin unless SARAFAN_DEMO_SHOP_URL
 * says otherwise.
 */
import { stopOnSignals } from '../../server/src/stop-on-signals.ts';
import { ConfigError, loadConfig } from '../../server/src/config.ts';
import { DEMO_PROGRAM_ID } from '../../server/src/seed-demo.ts';
import { startTrackingServer, type RunningServer } from '../../server/src/start.ts';
import { shopConfigFromEnv } from './config.ts';
import { startDemoShop, type RunningShop } from './start.ts';

async function main(): Promise<void> {
  const env = process.env;
  const shopConfig = shopConfigFromEnv(env);
  const serverConfig = loadConfig(env);
  if (!env.SARAFAN_DEMO_SHOP_URL?.trim()) serverConfig.demoShopUrl = shopConfig.publicUrl;
  // Both halves of the demo must agree on the key; an explicit SARAFAN_SECRET_KEY still wins for the shop.
  const secretKey = env.SARAFAN_SECRET_KEY?.trim() || serverConfig.demoSecret;
  // Quieter than a standalone server: one line per request from two servers drowns the URLs.
  if (!env.LOG_LEVEL) serverConfig.logLevel = 'warn';

  const server: RunningServer = await startTrackingServer(serverConfig);
  let shop: RunningShop;
  try {
    shop = await startDemoShop(
      {
        // The browser and the shop reach the tracking server where it really listens, unless told otherwise.
        sarafanUrl: env.SARAFAN_URL?.trim() || server.publicUrl,
        sarafanProgramId: env.SARAFAN_PROGRAM_ID?.trim() || DEMO_PROGRAM_ID,
        sarafanSecretKey: secretKey,
      },
      { env, logger: { level: env.LOG_LEVEL || 'warn', base: null } },
    );
  } catch (error) {
    await server.close();
    throw error;
  }

  console.log('Sarafan demo is running');
  console.log(`  Demo shop:        ${shop.publicUrl}`);
  console.log(`  Tracking server:  ${server.publicUrl}   (program "${DEMO_PROGRAM_ID}", landing ${serverConfig.demoShopUrl})`);
  console.log(`  Owner dashboard:  ${server.publicUrl}/admin   (sign in with the secret key)`);
  if (serverConfig.demoSecretFromEnv) {
    console.log('  Secret key:       set by SARAFAN_DEMO_SECRET (not shown)');
  } else {
    console.log(`  Secret key:       ${serverConfig.demoSecret}`);
    console.log('  Warning: this is the public demo key. Set SARAFAN_DEMO_SECRET before exposing the server.');
  }
  console.log('Press Ctrl-C to stop.');

  // The shop first, so that nothing it sends arrives at a server that is already gone.
  stopOnSignals(
    (signal) => `\n${signal}: stopping the shop and the tracking server…`,
    () => shop.close().then(() => server.close()),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
