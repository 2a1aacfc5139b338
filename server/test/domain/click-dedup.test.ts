import { describe, expect, it } from 'vitest';
import { decideClick, type ClickDedupInput, type ClickSeen } from '../../src/domain/click-dedup.ts';

const HOUR = 3_600_000;
const now = 10 * HOUR;
const seen = (id: string, visitorId: string | null, ageMs = 0, ambassadorId = 1): ClickSeen => ({
  id,
  ambassadorId,
  visitorId,
  createdAt: now - ageMs,
});
const input = (overrides: Partial<ClickDedupInput>): ClickDedupInput => ({
  now,
  dedupWindowMs: HOUR,
  ambassadorId: 1,
  source: 'widget',
  visitorId: 'v1',
  claimTarget: null,
  recentByVisitor: null,
  recentByIpUa: null,
  ...overrides,
});

describe('decideClick', () => {
  it('inserts a first click', () => {
    expect(decideClick(input({}))).toEqual({ action: 'insert' });
    expect(decideClick(input({ source: 'link', visitorId: null }))).toEqual({ action: 'insert' });
  });

  it('repeats a click of the same visitor within the window, not after it', () => {
    expect(decideClick(input({ recentByVisitor: seen('c1', 'v1', HOUR) }))).toEqual({ action: 'duplicate', clickId: 'c1' });
    expect(decideClick(input({ recentByVisitor: seen('c1', 'v1', HOUR + 1) }))).toEqual({ action: 'insert' });
  });

  it('repeats a short-link click from the same IP and user agent', () => {
    const decision = decideClick(input({ source: 'link', visitorId: null, recentByIpUa: seen('c1', 'someone') }));
    expect(decision).toEqual({ action: 'duplicate', clickId: 'c1' });
  });

  it('claims an unclaimed short-link click of the same ambassador', () => {
    expect(decideClick(input({ claimTarget: seen('c1', null, 5_000) }))).toEqual({ action: 'claim', clickId: 'c1', uncount: false });
  });

  it('un-counts the claimed click when the visitor had already clicked', () => {
    const decision = decideClick(input({ claimTarget: seen('c2', null), recentByVisitor: seen('c1', 'v1', 1_000) }));
    expect(decision).toEqual({ action: 'claim', clickId: 'c2', uncount: true });
  });

  it('treats a re-claim by the same visitor as a repeat', () => {
    expect(decideClick(input({ claimTarget: seen('c1', 'v1') }))).toEqual({ action: 'duplicate', clickId: 'c1' });
  });

  it('does not claim a click of another visitor, another ambassador, or an old one', () => {
    expect(decideClick(input({ claimTarget: seen('c1', 'v2') }))).toEqual({ action: 'insert' });
    expect(decideClick(input({ claimTarget: seen('c1', null, 0, 2) }))).toEqual({ action: 'insert' });
    expect(decideClick(input({ claimTarget: seen('c1', null, HOUR + 1) }))).toEqual({ action: 'insert' });
  });

  it('lets the widget claim a short-link click that lost its id, but not one of another browser', () => {
    expect(decideClick(input({ recentByIpUa: seen('c1', null) }))).toEqual({ action: 'claim', clickId: 'c1', uncount: false });
    expect(decideClick(input({ recentByIpUa: seen('c1', 'v2') }))).toEqual({ action: 'insert' });
  });
});
