import { BlockList, isIP } from 'node:net';

/** Loopback, private, link-local and unique-local ranges: never a shop customer's own address. */
const NOT_PUBLIC = new BlockList();
NOT_PUBLIC.addSubnet('127.0.0.0', 8, 'ipv4');
NOT_PUBLIC.addSubnet('10.0.0.0', 8, 'ipv4');
NOT_PUBLIC.addSubnet('172.16.0.0', 12, 'ipv4');
NOT_PUBLIC.addSubnet('192.168.0.0', 16, 'ipv4');
NOT_PUBLIC.addSubnet('169.254.0.0', 16, 'ipv4');
NOT_PUBLIC.addSubnet('0.0.0.0', 8, 'ipv4');
NOT_PUBLIC.addAddress('::1', 'ipv6');
NOT_PUBLIC.addAddress('::', 'ipv6');
NOT_PUBLIC.addSubnet('fc00::', 7, 'ipv6');
NOT_PUBLIC.addSubnet('fe80::', 10, 'ipv6');

/**
 * Whether an address can stand for a customer's network. A loopback or private address means the
 * server sees its own proxy (or the shop's backend), shared by every customer: the IP-based fraud
 * rules must not treat all of them as one person. Anything unparsable is not public either.
 */
export function isPublicAddress(ip: string): boolean {
  const address = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
