// ULIDs: 48-bit millisecond time + 80 random bits in Crockford base32, so IDs sort by creation.
// Time and randomness are parameters (and this file imports nothing) so workflow code can use it
// with its own deterministic clock and random source.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function ulid(timeMs: number, random: () => number): string {
  let time = '';
  let remaining = Math.floor(timeMs);
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[remaining % 32] + time;
    remaining = Math.floor(remaining / 32);
  }
  let randomness = '';
  for (let i = 0; i < 16; i++) randomness += ALPHABET[Math.floor(random() * 32) % 32];
  return time + randomness;
}
