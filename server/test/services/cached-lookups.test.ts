import { describe, expect, it } from 'vitest';
import { CachedLookups } from '../../src/services/cached-lookups.ts';
import { saveProgram } from '../../src/services/programs.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

describe('CachedLookups', () => {
  it('reads programs, origins and codes through the store and keeps them for a while', async () => {
    const store = openSqliteStore(':memory:');
    const settings = { id: 'p', name: 'P', secretKey: 's', landingUrl: 'https://p.example', allowedOrigins: ['https://p.example'] };
    await saveProgram(store, settings, 1);
    const lookups = new CachedLookups(store, 60_000);
    const program = await lookups.program('p');
    expect(program?.id).toBe('p');
    expect(await lookups.program('nope')).toBeNull();
    expect(await lookups.isOriginAllowedByAnyProgram('https://p.example')).toBe(true);
    expect(await lookups.isOriginAllowedByAnyProgram('https://q.example')).toBe(false);

    // Codes: unknown ones are asked again (the code may be created a moment later), known ones are kept.
    expect(await lookups.ambassadorForClick(program!, 'late2345')).toBeNull();
    await store.insertAmbassador({ programId: 'p', code: 'LATE2345', email: 'l@x.co', emailNormalised: 'l@x.co', name: null, customerId: null, createdAt: 2 });
    expect((await lookups.ambassadorForClick(program!, 'late2345'))?.code).toBe('LATE2345');
    expect(await lookups.ambassadorForClick(program!, 'bad code')).toBeNull();

    // A changed program shows after the cache is cleared (or its time-to-live has passed).
    await saveProgram(store, { ...settings, name: 'Renamed' }, 3);
    expect((await lookups.program('p'))?.name).toBe('P');
    lookups.clear();
    expect((await lookups.program('p'))?.name).toBe('Renamed');
    await store.close();
  });

  it("does not hand out another program's code", async () => {
    const store = openSqliteStore(':memory:');
    const one = await saveProgram(store, { id: 'one', name: '1', secretKey: 's1', landingUrl: 'https://1.example', allowedOrigins: [] }, 1);
    const two = await saveProgram(store, { id: 'two', name: '2', secretKey: 's2', landingUrl: 'https://2.example', allowedOrigins: [] }, 1);
    await store.insertAmbassador({ programId: 'one', code: 'ONEX2345', email: 'o@x.co', emailNormalised: 'o@x.co', name: null, customerId: null, createdAt: 2 });
    const lookups = new CachedLookups(store);
    expect(await lookups.ambassadorForClick(one, 'ONEX2345')).not.toBeNull();
    expect(await lookups.ambassadorForClick(two, 'ONEX2345')).toBeNull();
    await store.close();
  });
});
