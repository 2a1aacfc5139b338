import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      publicUrl: null,
      dbPath: './data/sarafan.sqlite',
      widgetDir: './widget/dist',
      demoSecret: 'sk_demo_local',
      demoSecretFromEnv: false,
      demoShopUrl: 'http://localhost:3000',
      seedDemo: true,
      logLevel: 'info',
      trustProxy: false,
      approvalIntervalMs: 60_000,
      webhookIntervalMs: 2_000,
      cookieDomains: [],
    });
    expect(config.ipSalt).toMatch(/^[0-9a-f]{32}$/);
    expect(loadConfig({}).ipSalt).not.toBe(config.ipSalt);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      SARAFAN_PORT: '9000',
      SARAFAN_HOST: '0.0.0.0',
      SARAFAN_PUBLIC_URL: 'https://ref.shop.example/',
      SARAFAN_DB_PATH: '/var/lib/sarafan/db.sqlite',
      SARAFAN_WIDGET_DIR: '/opt/widget',
      SARAFAN_DEMO_SECRET: 'sk_custom',
      SARAFAN_DEMO_SHOP_URL: 'http://127.0.0.1:3001',
      SARAFAN_SEED_DEMO: '0',
      SARAFAN_IP_SALT: 'pepper',
      SARAFAN_TRUST_PROXY: '1',
      SARAFAN_DEFAULT_PROGRAM: 'shop',
      SARAFAN_APPROVAL_INTERVAL_MS: '0',
      SARAFAN_WEBHOOK_INTERVAL_MS: '500',
      SARAFAN_COOKIE_DOMAINS: '.Shop.example, other-shop.co.uk',
      LOG_LEVEL: 'WARN',
    });
    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      publicUrl: 'https://ref.shop.example',
      dbPath: '/var/lib/sarafan/db.sqlite',
      widgetDir: '/opt/widget',
      demoSecret: 'sk_custom',
      demoSecretFromEnv: true,
      demoShopUrl: 'http://127.0.0.1:3001',
      seedDemo: false,
      ipSalt: 'pepper',
      logLevel: 'warn',
      defaultProgram: 'shop',
      trustProxy: true,
      approvalIntervalMs: 0,
      webhookIntervalMs: 500,
      cookieDomains: ['shop.example', 'other-shop.co.uk'],
    });
  });

  it('treats empty variables as unset and refuses malformed ones', () => {
    expect(loadConfig({ SARAFAN_PORT: '', SARAFAN_DEMO_SECRET: ' ' })).toMatchObject({ port: 8787, demoSecretFromEnv: false });
    for (const env of [
      { SARAFAN_PORT: 'eighty' },
      { SARAFAN_COOKIE_DOMAINS: 'com' },
      { SARAFAN_COOKIE_DOMAINS: '192.168.1.10' },
      { SARAFAN_COOKIE_DOMAINS: 'shop.example,https://shop.example' },
      { SARAFAN_PORT: '70000' },
      { SARAFAN_APPROVAL_INTERVAL_MS: '-5' },
      { SARAFAN_APPROVAL_INTERVAL_MS: 'hourly' },
      { SARAFAN_PUBLIC_URL: 'ref.example' },
      { SARAFAN_DEMO_SHOP_URL: 'ftp://shop' },
      { SARAFAN_SEED_DEMO: 'maybe' },
      { LOG_LEVEL: 'loud' },
    ]) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(ConfigError);
    }
  });
});
