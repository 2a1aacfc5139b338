import { describe, expect, it } from 'vitest';
import { parseUserAgent, UserAgents } from '../../src/services/user-agents.ts';
import { BOTS, BROWSERS } from '../helpers/user-agents.ts';

describe('parseUserAgent', () => {
  it.each([
    [BROWSERS['Chrome on Windows'], { browser: 'Chrome', os: 'Windows', deviceType: 'desktop' }],
    [BROWSERS['Safari on iPhone'], { browser: 'Mobile Safari', os: 'iOS', deviceType: 'mobile' }],
    [BROWSERS['Safari on iPad'], { browser: 'Mobile Safari', os: 'iOS', deviceType: 'tablet' }],
    [BROWSERS['Firefox on Windows'], { browser: 'Firefox', os: 'Windows', deviceType: 'desktop' }],
    [BROWSERS['Samsung Internet'], { browser: 'Samsung Internet', os: 'Android', deviceType: 'mobile' }],
    [BROWSERS['Safari on a Mac'], { browser: 'Safari', os: 'Mac OS', deviceType: 'desktop' }],
    [BROWSERS['Samsung smart TV'], { browser: 'Samsung Internet', os: 'Tizen', deviceType: 'other' }],
    ['', { browser: null, os: null, deviceType: 'other' }],
    ['definitely not a browser', { browser: null, os: null, deviceType: 'other' }],
  ])('%s', (userAgent, expected) => {
    expect(parseUserAgent(userAgent)).toEqual(expected);
  });
});

describe('UserAgents', () => {
  it('answers repeats from its cache and stays within its size', () => {
    const details = new UserAgents(3);
    const first = details.of(BROWSERS['Chrome on Windows']);
    expect(details.of(BROWSERS['Chrome on Windows'])).toBe(first);
    for (let i = 0; i < 10; i++) details.of(`random agent ${i}`);
    expect(details.size).toBe(3);
    // Evicted, parsed again: an equal answer, not the cached object.
    const again = details.of(BROWSERS['Chrome on Windows']);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it('tells bots from browsers', () => {
    const userAgents = new UserAgents();
    expect(userAgents.of(BOTS.WhatsApp)).toMatchObject({ bot: true });
    expect(userAgents.of(BROWSERS['Samsung Internet'])).toEqual({
      bot: false,
      details: { browser: 'Samsung Internet', os: 'Android', deviceType: 'mobile' },
    });
  });

  it('keys long user agents by the part the parser reads', () => {
    const details = new UserAgents();
    const long = `${BROWSERS['Chrome on Windows']} ${'x'.repeat(1_000)}`;
    expect(details.of(long)).toBe(details.of(`${long}different tail`));
    expect(details.size).toBe(1);
  });
});
