import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import type { AddressRange } from './address-policy.js';
import { isAllowedAddress } from './address-policy.js';
import { HttpFetchError, HttpPermissionError } from './errors.js';
import type { AllowedTarget } from './url-policy.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemLookup: HostLookup = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map(({ address }) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
};

/** Resolves the target's name and refuses it unless every address is public (or exempt). */
export async function resolvePublicAddresses(target: AllowedTarget, lookup: HostLookup, exemptions: readonly AddressRange[]): Promise<ResolvedAddress[]> {
  let answers: ResolvedAddress[];
  try {
    answers = await lookup(target.hostname);
  } catch {
    throw new HttpFetchError('HTTP_NETWORK_ERROR', `could not resolve ${target.hostname}`);
  }
  if (answers.length === 0) throw new HttpFetchError('HTTP_NETWORK_ERROR', `could not resolve ${target.hostname}`);
  // One bad address is enough: the connection may go to any of them, and a rebinding name mixes them.
  if (!answers.every(({ address }) => isAllowedAddress(address, exemptions))) {
    throw new HttpPermissionError('ADDRESS_NOT_ALLOWED', target.url.href, `${target.hostname} resolves to an address that is not public`);
  }
  return answers.map(({ address }) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
}

/** A `lookup` for the socket that answers only with addresses already checked, so DNS cannot change them in between. */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const candidates = family === 4 || family === 6 ? addresses.filter((answer) => answer.family === family) : addresses;
    const [first] = candidates;
    if (first === undefined) {
      callback(Object.assign(new Error('no checked address of the requested family'), { code: 'ENOTFOUND' }), '');
    } else if (options.all === true) {
      callback(null, candidates.map(({ address, family: answerFamily }) => ({ address, family: answerFamily })));
    } else {
      callback(null, first.address, first.family);
    }
  };
}
