import { describe, expect, it } from 'vitest';
import { resolveShopConfig, shopConfigFromEnv } from '../src/config.ts';

describe('shop config', () => {
  it('has the documented defaults', () => {
    expect(shopConfigFromEnv({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      dbPath: './data/demo-shop.sqlite',
      sarafanUrl: 'http://localhost:8787',
      sarafanProgramId: 'demo',
      sarafanSecretKey: 'sk_demo_local',
      sarafanTimeoutMs: 2000,
      sessionSecret: undefined,
      consentRequired: false,
    });
    expect(shopConfigFromEnv({ DEMO_SHOP_CONSENT_REQUIRED: '1' }).consentRequired).toBe(true);
  });

  it('reads the environment', () => {
    const config = shopConfigFromEnv({
      DEMO_SHOP_PORT: '3100',
      DEMO_SHOP_HOST: '0.0.0.0',
      DEMO_SHOP_DB_PATH: '/tmp/x.sqlite',
      SARAFAN_URL: 'https://ref.example.com/',
      SARAFAN_PROGRAM_ID: 'shop',
      SARAFAN_DEMO_SECRET: 'sk_from_demo',
      DEMO_SHOP_SESSION_SECRET: 'session-secret-from-env',
    });
    expect(config).toMatchObject({
      port: 3100,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:3100',
      dbPath: '/tmp/x.sqlite',
      sarafanUrl: 'https://ref.example.com',
      sarafanProgramId: 'shop',
      sarafanSecretKey: 'sk_from_demo',
      sessionSecret: 'session-secret-from-env',
    });
    expect(shopConfigFromEnv({ SARAFAN_SECRET_KEY: 'sk_live', SARAFAN_DEMO_SECRET: 'sk_demo' }).sarafanSecretKey).toBe('sk_live');
    expect(shopConfigFromEnv({ DEMO_SHOP_PUBLIC_URL: 'https://shop.example.com/' }).publicUrl).toBe('https://shop.example.com');
  });

  it('lets explicit options win over the environment', () => {
    expect(resolveShopConfig({ port: 0, sarafanUrl: 'http://127.0.0.1:9' }, { DEMO_SHOP_PORT: '3100', SARAFAN_URL: 'http://x' }))
      .toMatchObject({ port: 0, sarafanUrl: 'http://127.0.0.1:9' });
  });

  it('refuses a bad port', () => {
    expect(() => shopConfigFromEnv({ DEMO_SHOP_PORT: 'eighty' })).toThrow(/Invalid port/);
  });
});
