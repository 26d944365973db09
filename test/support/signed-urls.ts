import { expectProblem } from './problem';

/**
 * Asserts that a signed download URL with one signature character changed, or with its expiry
 * moved later, is refused as invalid (403 signed_url_invalid).
 */
export async function expectTamperingRefused(url: URL): Promise<void> {
  const tampered = new URL(url);
  const signature = url.searchParams.get('signature')!;
  tampered.searchParams.set('signature', `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`);
  await expectProblem(await fetch(tampered), 403, 'signed_url_invalid');
  const later = new URL(url);
  later.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
  await expectProblem(await fetch(later), 403, 'signed_url_invalid');
}
