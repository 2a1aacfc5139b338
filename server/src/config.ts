import { randomBytes } from 'node:crypto';

/** Everything the tracking server needs to start; `loadConfig` reads it from the environment. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Base of the short links the server hands out; `null` means `http://localhost:{port}`. */
  publicUrl: string | null;
  dbPath: string;
  widgetDir: string;
  /** Secret key of the demo program. */
  demoSecret: string;
  /** Whether the demo secret came from `SARAFAN_DEMO_SECRET`, so that it is never printed. */
  demoSecretFromEnv: boolean;
  demoShopUrl: string;
  seedDemo: boolean;
  /**
   * The secret from which the daily salts of the IP + user-agent hash (which deduplicates
   * short-link clicks) are derived. Random per start when unset, which only means that a restart
   * forgets who clicked a short link in the last hour.
   */
  ipSalt: string;
  logLevel: LogLevel;
  /** The program whose landing URL a short link with an unknown code leads to; `null` = the demo
   * program when it is seeded, else a "link not found" page. */
  defaultProgram: string | null;
  /** Take the client IP from X-Forwarded-For: only behind a reverse proxy you control. */
  trustProxy: boolean;
  /** How often rewards whose hold period has passed are approved; 0 turns it off. */
  approvalIntervalMs: number;
  /** How often due webhook deliveries are sent; 0 turns it off. */
  webhookIntervalMs: number;
  /**
   * Parent domains the server may set `sarafan_ref` on when it runs on a subdomain of the shop
   * (`SARAFAN_COOKIE_DOMAINS=shop.example`). Not needed when the shop proxies a path to the server.
   */
  cookieDomains: string[];
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_PORT = 8787;
export const DEFAULT_DEMO_SECRET = 'sk_demo_local';
export const DEFAULT_DEMO_SHOP_URL = 'http://localhost:3000';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function defaultConfig(): ServerConfig {
  return {
    port: DEFAULT_PORT,
    host: '127.0.0.1',
    publicUrl: null,
    dbPath: './data/sarafan.sqlite',
    widgetDir: './widget/dist',
    demoSecret: DEFAULT_DEMO_SECRET,
    demoSecretFromEnv: false,
    demoShopUrl: DEFAULT_DEMO_SHOP_URL,
    seedDemo: true,
    ipSalt: randomBytes(16).toString('hex'),
    logLevel: 'info',
    defaultProgram: null,
    trustProxy: false,
    approvalIntervalMs: 60_000,
    webhookIntervalMs: 2_000,
    cookieDomains: [],
  };
}

/** Reads `SARAFAN_*` and `LOG_LEVEL`; a malformed value is a startup error, not a silent default. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const config = defaultConfig();
  const value = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };

  const port = value('SARAFAN_PORT');
  if (port !== undefined) config.port = parsePort(port);
  config.host = value('SARAFAN_HOST') ?? config.host;
  const publicUrl = value('SARAFAN_PUBLIC_URL');
  if (publicUrl !== undefined) config.publicUrl = parseHttpUrl('SARAFAN_PUBLIC_URL', publicUrl).replace(/\/+$/, '');
  config.dbPath = value('SARAFAN_DB_PATH') ?? config.dbPath;
  config.widgetDir = value('SARAFAN_WIDGET_DIR') ?? config.widgetDir;
  const demoSecret = value('SARAFAN_DEMO_SECRET');
  if (demoSecret !== undefined) {
    config.demoSecret = demoSecret;
    config.demoSecretFromEnv = true;
  }
  const shopUrl = value('SARAFAN_DEMO_SHOP_URL');
  if (shopUrl !== undefined) config.demoShopUrl = parseHttpUrl('SARAFAN_DEMO_SHOP_URL', shopUrl);
  config.seedDemo = parseSwitch('SARAFAN_SEED_DEMO', value('SARAFAN_SEED_DEMO'), true);
  config.ipSalt = value('SARAFAN_IP_SALT') ?? config.ipSalt;
  config.defaultProgram = value('SARAFAN_DEFAULT_PROGRAM') ?? null;
  const logLevel = value('LOG_LEVEL');
  if (logLevel !== undefined) config.logLevel = parseLogLevel(logLevel);
  config.trustProxy = parseSwitch('SARAFAN_TRUST_PROXY', value('SARAFAN_TRUST_PROXY'), false);
  const approvalInterval = value('SARAFAN_APPROVAL_INTERVAL_MS');
  if (approvalInterval !== undefined) config.approvalIntervalMs = parseInterval('SARAFAN_APPROVAL_INTERVAL_MS', approvalInterval);
  const webhookInterval = value('SARAFAN_WEBHOOK_INTERVAL_MS');
  if (webhookInterval !== undefined) config.webhookIntervalMs = parseInterval('SARAFAN_WEBHOOK_INTERVAL_MS', webhookInterval);
  const cookieDomains = value('SARAFAN_COOKIE_DOMAINS');
  if (cookieDomains !== undefined) config.cookieDomains = parseCookieDomains(cookieDomains);
  return config;
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`SARAFAN_PORT must be a port number (0-65535), got "${raw}".`);
  }
  return port;
}

function parseInterval(name: string, raw: string): number {
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0 || ms > 86_400_000) {
    throw new ConfigError(`${name} must be a number of milliseconds from 0 (off) to 86400000, got "${raw}".`);
  }
  return ms;
}

function parseHttpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL, got "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}".`);
  }
  return raw;
}

/**
 * Comma-separated domain names, e.g. `shop.example,other-shop.example`; a leading dot is dropped.
 * A single label (`com`) or an IP address cannot carry cookies for a site and is refused.
 */
function parseCookieDomains(raw: string): string[] {
  return raw.split(',').map((entry) => {
    const domain = entry.trim().toLowerCase().replace(/^\./, '');
    const labels = domain.split('.');
    const valid =
      labels.length >= 2 &&
      labels.every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label)) &&
      !/^[0-9]+$/.test(labels[labels.length - 1] ?? '');
    if (!valid) throw new ConfigError(`SARAFAN_COOKIE_DOMAINS must list domain names like shop.example, got "${entry.trim()}".`);
    return domain;
  });
}

function parseSwitch(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0, got "${raw}".`);
}

function parseLogLevel(raw: string): LogLevel {
  const level = raw.toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}".`);
  }
  return level as LogLevel;
}
