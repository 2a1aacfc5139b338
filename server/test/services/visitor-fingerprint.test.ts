import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/services/programs.ts';
import { ipUserAgentHash, IpUserAgentHasher, periodSalt } from '../../src/services/visitor-fingerprint.ts';

describe('ipUserAgentHash', () => {
  it('is stable for one browser and salt, and differs otherwise', () => {
    const hash = ipUserAgentHash('salt', '203.0.113.7', 'UA');
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(ipUserAgentHash('salt', '203.0.113.7', 'UA')).toBe(hash);
    expect(ipUserAgentHash('salt', '203.0.113.8', 'UA')).not.toBe(hash);
    expect(ipUserAgentHash('salt', '203.0.113.7', 'UA2')).not.toBe(hash);
    expect(ipUserAgentHash('pepper', '203.0.113.7', 'UA')).not.toBe(hash);
    expect(hash).not.toContain('203');
  });
});

describe('periodSalt', () => {
  it('derives a different salt for each day and each secret, never the secret itself', () => {
    const salt = periodSalt('secret', 20_000);
    expect(periodSalt('secret', 20_000)).toBe(salt);
    expect(periodSalt('secret', 20_001)).not.toBe(salt);
    expect(periodSalt('other secret', 20_000)).not.toBe(salt);
    expect(salt).not.toContain('secret');
  });
});

describe('IpUserAgentHasher', () => {
  const noon = Date.UTC(2025, 0, 15, 12, 0, 0);
  const hasher = new IpUserAgentHasher('secret');

  it('keeps one hash per browser for the whole day', () => {
    const morning = hasher.hashes('203.0.113.7', 'UA', Date.UTC(2025, 0, 15, 0, 0, 0));
    const evening = hasher.hashes('203.0.113.7', 'UA', Date.UTC(2025, 0, 15, 23, 59, 59, 999));
    expect(evening).toEqual(morning);
    expect(morning.current).not.toBe(morning.previous);
    expect(hasher.hashes('203.0.113.8', 'UA', noon).current).not.toBe(morning.current);
  });

  it("rotates at midnight UTC, handing today's hash on as tomorrow's previous one", () => {
    const today = hasher.hashes('203.0.113.7', 'UA', noon);
    const tomorrow = hasher.hashes('203.0.113.7', 'UA', noon + DAY_MS);
    expect(tomorrow.current).not.toBe(today.current);
    expect(tomorrow.previous).toBe(today.current);
    // Going back in time (a clock moved by a test) derives the salts again.
    expect(hasher.hashes('203.0.113.7', 'UA', noon)).toEqual(today);
  });

  it('derives the salts from the secret, so that every instance and restart agrees', () => {
    expect(new IpUserAgentHasher('secret').hashes('203.0.113.7', 'UA', noon)).toEqual(hasher.hashes('203.0.113.7', 'UA', noon));
    expect(new IpUserAgentHasher('another').hashes('203.0.113.7', 'UA', noon).current).not.toBe(
      hasher.hashes('203.0.113.7', 'UA', noon).current,
    );
  });
});
