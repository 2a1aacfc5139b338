/**
 * `npm run program:create -- --name "Employees" --origin https://shop.example [--landing-url URL]
 * [--id employees] [--join-policy open|customers|invite_only]`: adds a program to the database
 * in `SARAFAN_DB_PATH` (the server may be running) and prints its id, secret key and embed snippet.
 */
import { parseArgs } from 'node:util';
import { systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { createProgram } from './services/program-creation.ts';
import { openSqliteStore } from './store/sqlite/sqlite-store.ts';

const POLICIES = ['open', 'customers', 'invite_only'] as const;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      origin: { type: 'string' },
      'landing-url': { type: 'string' },
      id: { type: 'string' },
      'join-policy': { type: 'string' },
    },
  });
  const policy = values['join-policy'];
  if (!values.name || !values.origin) throw new Error('Usage: npm run program:create -- --name "Employees" --origin https://shop.example');
  if (policy !== undefined && !POLICIES.includes(policy as (typeof POLICIES)[number])) {
    throw new Error(`--join-policy must be one of ${POLICIES.join(', ')}.`);
  }
  const config = loadConfig(process.env);
  // Inline click writes: this short-lived process records no clicks, and needs no worker thread.
  const store = openSqliteStore(config.dbPath, { clickWriter: 'inline' });
  try {
    const { program, secretKey } = await createProgram(
      store,
      {
        name: values.name,
        origin: values.origin,
        ...(values['landing-url'] ? { landingUrl: values['landing-url'] } : {}),
        ...(values.id ? { id: values.id } : {}),
        ...(policy ? { joinPolicy: policy as (typeof POLICIES)[number] } : {}),
      },
      systemClock(),
    );
    console.log(`Program id: ${program.id}`);
    console.log(`Secret key: ${secretKey}`);
    console.log('Keep the secret key on your server; it is shown only now (Sarafan stores a hash).');
    console.log(`Embed: <script async src="${config.publicUrl ?? `http://localhost:${config.port}`}/widget.js" data-program="${program.id}"></script>`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
