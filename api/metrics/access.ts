import { timingSafeEqual } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { HttpProblem } from '../problem';

const isLoopback = (address: string | undefined) =>
  address !== undefined &&
  ((isIPv4(address) && address.startsWith('127.')) || address === '::1' || (isIPv6(address) && address.toLowerCase().startsWith('::ffff:127.')));

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Who may scrape /metrics: anyone on this machine (a local Prometheus or agent), and otherwise
 * only a scraper with `Authorization: Bearer $METRICS_TOKEN`. No token configured: loopback only.
 * The peer address is the socket's: behind a proxy on the same host, set a token.
 */
export function assertMayScrape(remoteAddress: string | undefined, authorization: string | undefined, token: string | undefined): void {
  if (isLoopback(remoteAddress)) return;
  if (!token) throw new HttpProblem(403, 'forbidden', 'Metrics are served to loopback clients only; set METRICS_TOKEN to allow other scrapers.');
  const bearer = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  if (!bearer) throw new HttpProblem(401, 'unauthorized', 'Send Authorization: Bearer <METRICS_TOKEN>.', {}, { 'WWW-Authenticate': 'Bearer' });
  if (!sameSecret(bearer, token)) throw new HttpProblem(403, 'forbidden', 'Wrong metrics token.');
}
