// Enough of a secret for a person to tell which one is configured, never enough to sign with.
const SECRET_HINT_MIN_LENGTH = 16;

/** What responses show of a secret (webhooks', registered agents'): its last four characters. */
export function secretHint(secret: string): string {
  return secret.length >= SECRET_HINT_MIN_LENGTH ? `…${secret.slice(-4)}` : '…';
}
