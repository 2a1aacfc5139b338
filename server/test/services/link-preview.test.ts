import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAUD_ACTIONS } from '../../src/domain/fraud-rules.ts';
import { linkPreview } from '../../src/services/link-preview.ts';
import { PROGRAM_DEFAULTS } from '../../src/services/programs.ts';
import type { AmbassadorRecord, ProgramRecord } from '../../src/store/records.ts';

const program: ProgramRecord = {
  ...PROGRAM_DEFAULTS,
  fraudActions: DEFAULT_FRAUD_ACTIONS,
  blockedReferrerDomains: [],
  id: 'linden',
  name: 'Linden & Loom',
  landingUrl: 'https://linden.example/shop?lang=en',
  allowedOrigins: ['https://linden.example'],
  secretHash: 'hash',
  identityKey: 'key',
  rewardBasisPoints: 1_000,
  friendDiscountPercent: 10,
  attributionWindowMs: 1,
  dedupWindowMs: 1,
  previewImageUrl: null,
  createdAt: 0,
};
const alice: AmbassadorRecord = {
  id: 1,
  programId: 'linden',
  code: 'ALICE2345',
  email: 'alice@example.com',
  emailNormalised: 'alice@example.com',
  confirmed: true,
  tier: null,
  friendSharePercent: null,
  name: null,
  customerId: null,
  createdAt: 0,
};

describe('linkPreview', () => {
  it('offers the friend discount in the words of the widget, with the built-in card', () => {
    expect(linkPreview('https://ref.example', program, alice)).toEqual({
      title: 'Linden & Loom',
      description: 'Alice gives you 10% off at Linden & Loom',
      image: { url: 'https://ref.example/preview-card.png', alt: expect.any(String), width: 1200, height: 630 },
      url: 'https://linden.example/shop?lang=en&ref=ALICE2345',
      siteName: 'Linden & Loom',
    });
  });

  it('invites without a discount when there is none, and uses the program image', () => {
    const preview = linkPreview('https://ref.example', { ...program, friendDiscountPercent: 0, previewImageUrl: 'https://cdn.example/c.jpg' }, { ...alice, name: 'Alice Smith' });
    expect(preview.description).toBe('Alice Smith invites you to Linden & Loom');
    expect(preview.image).toEqual({ url: 'https://cdn.example/c.jpg', alt: 'Linden & Loom', width: null, height: null });
  });
});
