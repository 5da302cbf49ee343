import { isPublicAddress } from './index.js';

describe('isPublicAddress', () => {
  it.each([
    ['a public IPv4 address', '93.184.215.14'],
    ['a public DNS resolver', '8.8.8.8'],
    ['172.32.0.1, just outside 172.16/12', '172.32.0.1'],
    ['a global IPv6 address', '2606:4700:4700::1111'],
    ['IPv4-mapped public', '::ffff:8.8.8.8'],
    ['NAT64 of a public address', '64:ff9b::808:808'],
    ['6to4 of a public address', '2002:808:808::1'],
  ])('accepts %s (%s)', (_what, address) => expect(isPublicAddress(address)).toBe(true));

  it.each([
    ['loopback', '127.0.0.1'],
    ['loopback, elsewhere in 127/8', '127.255.0.9'],
    ['private 10/8', '10.0.0.7'],
    ['private 172.16/12', '172.31.255.254'],
    ['private 192.168/16', '192.168.1.1'],
    ['the cloud metadata address', '169.254.169.254'],
    ['link-local', '169.254.1.1'],
    ['CGNAT', '100.64.0.1'],
    ['unspecified', '0.0.0.0'],
    ['this network', '0.1.2.3'],
    ['broadcast', '255.255.255.255'],
    ['multicast', '224.0.0.251'],
    ['reserved 240/4', '240.0.0.1'],
    ['documentation', '192.0.2.10'],
    ['benchmarking', '198.18.0.1'],
    ['IPv6 loopback', '::1'],
    ['IPv6 unspecified', '::'],
    ['IPv6 unique local', 'fd00::1'],
    ['IPv6 unique local fc00::/7', 'fc12:3456::1'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv6 link-local with a zone', 'fe80::1%eth0'],
    ['IPv6 site-local (deprecated)', 'fec0::1'],
    ['IPv6 multicast', 'ff02::1'],
    ['IPv6 documentation', '2001:db8::1'],
    ['IPv6 outside 2000::/3', '4000::1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped metadata', '::ffff:a9fe:a9fe'],
    ['IPv4-compatible loopback', '::127.0.0.1'],
    ['IPv4-translated private', '::ffff:0:10.0.0.1'],
    ['NAT64 of loopback', '64:ff9b::7f00:1'],
    ['NAT64 of a private address', '64:ff9b::a00:7'],
    ['local-use NAT64', '64:ff9b:1::808:808'],
    ['6to4 of a private address', '2002:c0a8:101::1'],
    ['Teredo with a private client', '2001:0:808:808:0:0:f5ff:fffe'],
    ['a name, not an address', 'localhost'],
    ['a non-canonical IPv4 form', '0x7f.1'],
    ['a shortened IPv4 form', '127.1'],
    ['an integer IPv4 form', '2130706433'],
    ['a leading-zero IPv4 form', '010.0.0.1'],
    ['empty', ''],
  ])('refuses %s (%s)', (_what, address) => expect(isPublicAddress(address)).toBe(false));

  it('accepts exempted addresses and ranges, of the same family only', () => {
    expect(isPublicAddress('127.0.0.1', ['127.0.0.1/32'])).toBe(true);
    expect(isPublicAddress('::ffff:127.0.0.1', ['127.0.0.1/32'])).toBe(true);
    expect(isPublicAddress('127.0.0.2', ['127.0.0.1/32'])).toBe(false);
    expect(isPublicAddress('10.1.2.3', ['10.1.0.0/16'])).toBe(true);
    expect(isPublicAddress('fd00::1', ['fd00::1'])).toBe(true);
    expect(isPublicAddress('::1', ['127.0.0.1/32'])).toBe(false);
    expect(isPublicAddress('::ffff:127.0.0.1', ['::ffff:127.0.0.1/128'])).toBe(true);
  });

  it('throws on a malformed exemption, so bad config fails at start', () => {
    expect(() => isPublicAddress('8.8.8.8', ['localhost'])).toThrow(/exemptAddresses/);
    expect(() => isPublicAddress('8.8.8.8', ['10.0.0.0/33'])).toThrow(/exemptAddresses/);
  });
});
