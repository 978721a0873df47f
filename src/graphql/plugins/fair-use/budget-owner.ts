import { isIPv6 } from 'node:net';
import type { Viewer } from '../../auth/viewer';

/**
 * Whom a budget belongs to: an API key, named by its fingerprint (never the key), or, for a
 * client without a valid one, its address.
 */
export function budgetOwner(viewer: Viewer, address: string): string {
  return viewer.keyId ?? `address:${addressBlock(address)}`;
}

/**
 * The block an address is counted by. An IPv6 host is usually given a whole /64 and could take
 * a fresh address, and so a fresh budget, for every request: it is counted by its /64. IPv4
 * addresses, also IPv4-mapped ones (::ffff:192.0.2.1), count one by one.
 */
export function addressBlock(address: string): string {
  const withoutZone = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(withoutZone);
  if (mapped) return mapped[1]!;
  if (!isIPv6(withoutZone)) return address;
  return `${ipv6Groups(withoutZone).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, "::" expanded and leading zeros dropped. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  // A dotted IPv4 ending (64:ff9b::192.0.2.1) fills the last two groups; only the first four are used.
  const groups = (part: string) => (part === '' ? [] : part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])));
  const before = groups(head);
  const after = tail === undefined ? [] : groups(tail);
  const zeros = Array<string>(8 - before.length - after.length).fill('0');
  return [...before, ...zeros, ...after].map((group) => Number.parseInt(group, 16).toString(16));
}
