import { describe, expect, it } from 'vitest';
import { isVisitorId } from '../../../shared/src/referral-cookie.ts';
import { newClickId } from '../../src/services/click-ids.ts';

describe('newClickId', () => {
  it('fits the cookie id format and is unique', () => {
    const ids = new Set(Array.from({ length: 1_000 }, () => newClickId(1_700_000_000_000)));
    expect(ids.size).toBe(1_000);
    for (const id of ids) {
      expect(id).toHaveLength(22);
      expect(isVisitorId(id)).toBe(true);
    }
  });

  it('sorts by time under binary (byte) comparison', () => {
    const times = [0, 1, 63, 64, 1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000, 253_402_300_799_000];
    const ids = times.map((time) => newClickId(time));
    const sorted = [...ids].sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(sorted).toEqual(ids);
  });
});
