import dns from 'node:dns';
import net, { BlockList, type LookupFunction } from 'node:net';

// IPv4: loopback, private, link-local (which holds the cloud metadata address 169.254.169.254),
// carrier-grade NAT (Alibaba's metadata 100.100.100.200), multicast and reserved ranges.
const REFUSED_IPV4 = new BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  REFUSED_IPV4.addSubnet(address, prefix, 'ipv4');
}

// IPv6 has too many forms that reach IPv4 or local networks (IPv4-compatible ::7f00:1,
// IPv4-translated ::ffff:0:a.b.c.d, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, site-local fec0::/10,
// ...) for a deny-list to stay complete, so only global unicast (2000::/3) is allowed, less the
// parts of it that tunnel to IPv4 (Teredo in 2001::/23, 6to4 2002::/16) or are documentation.
const GLOBAL_UNICAST_IPV6 = new BlockList();
GLOBAL_UNICAST_IPV6.addSubnet('2000::', 3, 'ipv6');
const REFUSED_GLOBAL_IPV6 = new BlockList();
for (const [address, prefix] of [['2001::', 23], ['2001:db8::', 32], ['2002::', 16], ['3fff::', 20]] as const) {
  REFUSED_GLOBAL_IPV6.addSubnet(address, prefix, 'ipv6');
}
const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

// Names that reach metadata services or this machine without any DNS answer to check.
const REFUSED_NAMES = /^(localhost|.*\.localhost|metadata|metadata\.google\.internal|instance-data(\.ec2\.internal)?)\.?$/i;

const SUBSCRIBE_LOOKUP_TIMEOUT_MS = 2_000;

export function isRefusedAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  if (family === 4) return REFUSED_IPV4.check(address, 'ipv4');
  // An IPv4-mapped address (::ffff:127.0.0.1, or ::ffff:7f00:1 as URLs print it) is its IPv4
  // address; SocketAddress prints both forms dotted.
  const mapped = IPV4_MAPPED.exec(new net.SocketAddress({ address, family: 'ipv6' }).address);
  if (mapped) return REFUSED_IPV4.check(mapped[1]!, 'ipv4');
  return !GLOBAL_UNICAST_IPV6.check(address, 'ipv6') || REFUSED_GLOBAL_IPV6.check(address, 'ipv6');
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
    return `${host} is not a public address; outbound requests may reach public addresses only`;
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
  // The message names no address: which internal address a name resolves to is not the caller's to learn.
  return refused && `${url.hostname} resolves to an address that is not public; outbound requests may reach public addresses only`;
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
        const refusal = Object.assign(new Error(`${hostname} resolves to an address that is not public`), { code: 'EREFUSEDADDRESS' });
        return callback(refusal, '', 4);
      }
      if (options.all) return (callback as unknown as (error: null, addresses: dns.LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 4);
      callback(null, first.address, first.family);
    });
  };
}
