import { describe, expect, it } from 'vitest';
import { identityKey } from '../../../shared/src/identity-signature.ts';
import { saveProgram } from '../../src/services/programs.ts';
import { hashSecretKey } from '../../src/services/secrets.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

describe('saveProgram', () => {
  it('stores the hash and identity key of the secret, with defaults and loopback aliases', async () => {
    const store = openSqliteStore(':memory:');
    const program = await saveProgram(
      store,
      { id: 'p', name: 'P', secretKey: 'sk_live_x', landingUrl: 'http://127.0.0.1:4000/', allowedOrigins: ['http://127.0.0.1:4000/page', 'https://shop.example'] },
      123,
    );
    expect(program).toMatchObject({
      secretHash: hashSecretKey('sk_live_x'),
      identityKey: identityKey('sk_live_x'),
      allowedOrigins: ['http://127.0.0.1:4000', 'http://localhost:4000', 'https://shop.example'],
      rewardBasisPoints: 1_000,
      friendDiscountPercent: 10,
      attributionWindowMs: 30 * 86_400_000,
      dedupWindowMs: 3_600_000,
      previewImageUrl: null,
      createdAt: 123,
    });
    expect(await store.getProgram('p')).toEqual(program);
    await store.close();
  });

  it("keeps the program's own preview image, and drops it when the setting goes back to null", async () => {
    const store = openSqliteStore(':memory:');
    const base = { id: 'p', name: 'P', secretKey: 's', landingUrl: 'https://ok.example', allowedOrigins: ['https://ok.example'] };
    await saveProgram(store, { ...base, previewImageUrl: 'https://cdn.ok.example/card.png' }, 1);
    expect((await store.getProgram('p'))?.previewImageUrl).toBe('https://cdn.ok.example/card.png');
    await saveProgram(store, { ...base, previewImageUrl: null }, 2);
    expect((await store.getProgram('p'))?.previewImageUrl).toBeNull();
    await store.close();
  });

  it('refuses origins, landing URLs and preview images that are not http(s)', async () => {
    const store = openSqliteStore(':memory:');
    const base = { id: 'p', name: 'P', secretKey: 's', landingUrl: 'https://ok.example', allowedOrigins: ['https://ok.example'] };
    await expect(saveProgram(store, { ...base, allowedOrigins: ['javascript:alert(1)'] }, 1)).rejects.toThrow(/not an http/);
    await expect(saveProgram(store, { ...base, landingUrl: 'ftp://x' }, 1)).rejects.toThrow(/not an http/);
    await expect(saveProgram(store, { ...base, previewImageUrl: 'javascript:alert(1)' }, 1)).rejects.toThrow(/Preview image URL/);
    await store.close();
  });
});
