import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../src/domain/public-address.ts';

describe('isPublicAddress', () => {
  it('accepts public IPv4 and IPv6 addresses, also IPv4 written as IPv6', () => {
    for (const ip of ['203.0.113.10', '8.8.8.8', '172.32.0.1', '2a00:1450:4001:82b::200e', '::ffff:198.51.100.7']) {
      expect(isPublicAddress(ip), ip).toBe(true);
    }
  });

  it("refuses loopback, private, link-local and unique-local addresses, and what is not an address", () => {
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.1.2.3', '172.16.5.4', '192.168.0.10', '169.254.1.1', 'fd12::1', 'fe80::1', '', 'localhost', '1.2.3']) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
  });
});
