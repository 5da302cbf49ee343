import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type AddressRange = [Address, number];

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');

/** Parses operator exemptions ('127.0.0.1/32', '10.1.2.3', 'fd00::/8'); throws on a malformed entry so bad config fails at start. */
export function parseExemptions(exempt: readonly string[] = []): AddressRange[] {
  return exempt.map((entry) => {
    if (ipaddr.isValidCIDR(entry)) return ipaddr.parseCIDR(entry);
    if (isIP(entry) !== 0) {
      const address = ipaddr.parse(entry);
      return [address, address.kind() === 'ipv4' ? 32 : 128];
    }
    throw new TypeError(`exemptAddresses: "${entry}" is neither an IP address nor a CIDR range`);
  });
}

/**
 * True when a connection to `address` can only reach the public internet (or an exempted range).
 * Only canonical literals count (what DNS returns); forms like `0x7f.1` are not addresses here.
 */
export function isPublicAddress(address: string, exempt: readonly string[] = []): boolean {
  return isAllowedAddress(address, parseExemptions(exempt));
}

export function isAllowedAddress(address: string, exemptions: readonly AddressRange[]): boolean {
  if (isIP(address) === 0) return false;
  const parsed = ipaddr.process(address);
  const written = ipaddr.parse(address); // an exemption may be written in IPv4-mapped form
  if (exemptions.some((range) => inRange(parsed, range) || inRange(written, range))) return true;
  if (parsed instanceof ipaddr.IPv4) return parsed.range() === 'unicast';
  const embedded = embeddedIPv4(parsed);
  if (embedded !== undefined) return embedded.length > 0 && embedded.every((v4) => v4.range() === 'unicast');
  return parsed.range() === 'unicast' && parsed.match(GLOBAL_UNICAST_V6);
}

function inRange(address: Address, [network, bits]: AddressRange): boolean {
  if (address.kind() !== network.kind()) return false;
  return address.match(network, bits);
}

/**
 * IPv6 forms that carry an IPv4 address a gateway may forward to: the packet ends up at the IPv4
 * address, so that is the one to judge. Returns undefined for other IPv6 addresses.
 * (IPv4-mapped ::ffff:0:0/96 is already unwrapped by ipaddr.process.)
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4[] | undefined {
  const p = address.parts;
  const v4 = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  const isCompatible = p.slice(0, 6).every((part) => part === 0) && (p[6] !== 0 || p[7] > 1);
  if (isCompatible) return [v4(p[6], p[7])]; // ::a.b.c.d (deprecated IPv4-compatible)
  switch (address.range()) {
    case 'rfc6145': // ::ffff:0:a.b.c.d
      return [v4(p[6], p[7])];
    case 'rfc6052': // NAT64: only the well-known /96 has a fixed place for the address; 64:ff9b:1::/48 is local-use
      return address.match(NAT64_WELL_KNOWN) ? [v4(p[6], p[7])] : [];
    case '6to4': // 2002:AABB:CCDD::/48
      return [v4(p[1], p[2])];
    case 'teredo': // 2001:0:SERVER:SERVER:flags:port:~CLIENT:~CLIENT
      return [v4(p[2], p[3]), v4(p[6] ^ 0xffff, p[7] ^ 0xffff)];
    default:
      return undefined;
  }
}
