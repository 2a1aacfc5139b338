import { describe, expect, it } from 'vitest';
import { ipUserAgentHash } from '../../src/services/visitor-fingerprint.ts';

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
