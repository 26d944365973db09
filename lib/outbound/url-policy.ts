import dns from 'node:dns';
import net, { BlockList, type LookupFunction } from 'node:net';

// Loopback, private, link-local (which holds the cloud metadata address 169.254.169.254),
// carrier-grade NAT (Alibaba's metadata 100.100.100.200), multicast and reserved ranges, and the
// IPv6 translation prefixes that embed an IPv4 address. (BlockList checks IPv4-mapped addresses
// such as ::ffff:127.0.0.1 against the IPv4 ranges itself.)
const REFUSED_RANGES = new BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  REFUSED_RANGES.addSubnet(address, prefix, 'ipv4');
}
for (const [address, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) {
  REFUSED_RANGES.addSubnet(address, prefix, 'ipv6');
}

// Names that reach metadata services or this machine without any DNS answer to check.
const REFUSED_NAMES = /^(localhost|.*\.localhost|metadata|metadata\.google\.internal|instance-data(\.ec2\.internal)?)\.?$/i;

const SUBSCRIBE_LOOKUP_TIMEOUT_MS = 2_000;

export function isRefusedAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  return REFUSED_RANGES.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The one policy for every outbound request: webhook deliveries and fetched documents alike. */
export interface UrlPolicy {
  allowPrivateNetworks: boolean;
}

/** Why `url` may not be requested, without looking anything up, or undefined. */
export function refusedUrlReason(url: URL, policy: UrlPolicy): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Only http and https URLs are allowed';
  if (url.username || url.password) return 'Credentials in the URL are not allowed';
  if (policy.allowPrivateNetworks) return undefined;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (REFUSED_NAMES.test(host) || isRefusedAddress(host)) {
    return `${host} is a loopback, private, link-local or metadata address, which outbound requests may not reach`;
  }
  return undefined;
}

/**
 * The policy check when a URL is stored for later (a webhook subscription): the URL itself, then
 * what its name resolves to now. A name that does not resolve yet is accepted; each request
 * resolves it again (guardedLookup).
 */
export async function checkStoredUrl(url: URL, policy: UrlPolicy): Promise<string | undefined> {
  const reason = refusedUrlReason(url, policy);
  if (reason || policy.allowPrivateNetworks || net.isIP(url.hostname.replace(/^\[(.*)\]$/, '$1'))) return reason;
  // A slow resolver must not hold the request: unresolved by then counts as not resolving yet.
  let timer: NodeJS.Timeout | undefined;
  const addresses = await Promise.race([
    dns.promises.lookup(url.hostname, { all: true }).catch(() => []),
    new Promise<[]>((resolve) => (timer = setTimeout(() => resolve([]), SUBSCRIBE_LOOKUP_TIMEOUT_MS))),
  ]).finally(() => clearTimeout(timer));
  const refused = addresses.find((entry) => isRefusedAddress(entry.address));
  return refused && `${url.hostname} resolves to ${refused.address}, a loopback, private, link-local or metadata address`;
}

/**
 * A DNS lookup for outbound requests that refuses answers in the refused ranges. The socket
 * connects to exactly the address checked here, so a name that changes its answer between the
 * check and the connection (DNS rebinding) gains nothing.
 */
export function guardedLookup(policy: UrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const refused = policy.allowPrivateNetworks ? undefined : addresses.find((entry) => isRefusedAddress(entry.address));
      if (refused) {
        const refusal = Object.assign(new Error(`${hostname} resolves to ${refused.address}, a refused address`), { code: 'EREFUSEDADDRESS' });
        return callback(refusal, '', 4);
      }
      if (options.all) return (callback as unknown as (error: null, addresses: dns.LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 4);
      callback(null, first.address, first.family);
    });
  };
}
