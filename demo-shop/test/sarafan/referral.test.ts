import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { visitorReferral } from '../../src/sarafan/referral.ts';

const request = (cookie: string) => ({ headers: { cookie } }) as unknown as FastifyRequest;

describe('visitorReferral', () => {
  it('reads the widget cookies', () => {
    expect(visitorReferral(request('sarafan_ref=ALICE7K2.clk_123; sarafan_vid=V1sitor-_id'))).toEqual({
      referral: { code: 'ALICE7K2', clickId: 'clk_123' },
      visitorId: 'V1sitor-_id',
    });
    // The widget may percent-encode the value.
    expect(visitorReferral(request('sarafan_ref=ALICE7K2%2Eclk_123')).referral).toEqual({ code: 'ALICE7K2', clickId: 'clk_123' });
  });

  it('ignores malformed values without throwing', () => {
    for (const cookie of ['sarafan_ref=%E0%A4%A', 'sarafan_ref=a.b.c', 'sarafan_ref=<x>.y', 'sarafan_vid=bad id', '']) {
      const result = visitorReferral(request(cookie));
      expect(result.referral).toBeNull();
      expect(result.visitorId).toBeNull();
    }
  });
});
