/** Everything the demo shop needs to run; `shopConfigFromEnv` reads it from the environment. */
export interface ShopConfig {
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  /** The shop's address as browsers see it; `http://localhost:{port}` by default. */
  publicUrl: string;
  /** SQLite file for customers and orders; `:memory:` in tests. */
  dbPath: string;
  /** The tracking server as both the browser (widget script) and the shop's backend reach it. */
  sarafanUrl: string;
  sarafanProgramId: string;
  /** The program's secret key: server-side only, used for the API and to sign identities. */
  sarafanSecretKey: string;
  /** How long the shop waits for Sarafan before carrying on without it. */
  sarafanTimeoutMs: number;
  /** Signs the customer cookie; when absent, one is generated and kept in the shop's database. */
  sessionSecret?: string | undefined;
  /**
   * Ask visitors before Sarafan stores anything: the embed gets `data-consent="required"` and the
   * pages show a cookie banner that answers `sarafan('consent', …)`.
   */
  consentRequired: boolean;
}

export const DEMO_SECRET_KEY = 'sk_demo_local';

type Env = Record<string, string | undefined>;

export function shopConfigFromEnv(env: Env = process.env): ShopConfig {
  return resolveShopConfig({}, env);
}

/** `overrides` win over the environment, which wins over the defaults. */
export function resolveShopConfig(overrides: Partial<ShopConfig>, env: Env = process.env): ShopConfig {
  const port = overrides.port ?? parsePort(env.DEMO_SHOP_PORT, 3000);
  return {
    port,
    host: overrides.host ?? (env.DEMO_SHOP_HOST || '127.0.0.1'),
    publicUrl: trimSlash(overrides.publicUrl ?? (env.DEMO_SHOP_PUBLIC_URL || `http://localhost:${port}`)),
    dbPath: overrides.dbPath ?? (env.DEMO_SHOP_DB_PATH || './data/demo-shop.sqlite'),
    sarafanUrl: trimSlash(overrides.sarafanUrl ?? (env.SARAFAN_URL || 'http://localhost:8787')),
    sarafanProgramId: overrides.sarafanProgramId ?? (env.SARAFAN_PROGRAM_ID || 'demo'),
    sarafanSecretKey:
      overrides.sarafanSecretKey ?? (env.SARAFAN_SECRET_KEY || env.SARAFAN_DEMO_SECRET || DEMO_SECRET_KEY),
    sarafanTimeoutMs: overrides.sarafanTimeoutMs ?? 2_000,
    sessionSecret: overrides.sessionSecret ?? (env.DEMO_SHOP_SESSION_SECRET || undefined),
    consentRequired: overrides.consentRequired ?? ['1', 'true', 'yes', 'on'].includes((env.DEMO_SHOP_CONSENT_REQUIRED ?? '').trim().toLowerCase()),
  };
}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Invalid port: ${value}`);
  return port;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
