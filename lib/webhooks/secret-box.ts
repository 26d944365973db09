import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { readOrCreateSecret } from '../secrets/data-dir-secret';

// `tws1.<key id>.<iv>.<ciphertext>.<tag>`, each part base64url: AES-256-GCM with a fresh 96-bit IV.
const SEALED = /^tws1\.([0-9a-f]{16})\.([\w-]+)\.([\w-]*)\.([\w-]+)$/;

interface SealingKey {
  id: string;
  key: Buffer;
}

function sealingKey(material: string): SealingKey {
  const key = Buffer.from(hkdfSync('sha256', material, '', 'taskwright webhook secrets v1', 32));
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

/**
 * Webhook secrets at rest: sealed with AES-256-GCM under the first configured key; opened with
 * whichever key sealed them, so keys rotate by putting a new one first (`resealWebhookSecrets`
 * then moves every secret onto it, and the old one can go).
 */
export function createWebhookSecretBox(keyMaterials: string[]) {
  const keys = keyMaterials.map(sealingKey);
  const [current] = keys;
  if (!current) throw new Error('Webhook secrets need at least one key');

  return {
    seal(secret: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return ['tws1', current.id, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },

    /** The secret; a value stored before secrets were sealed is the secret itself. */
    open(stored: string): string {
      const sealed = SEALED.exec(stored);
      if (!sealed) return stored;
      const [, keyId, iv, ciphertext, tag] = sealed;
      const key = keys.find((candidate) => candidate.id === keyId);
      if (!key) throw new Error(`A webhook secret is sealed with key ${keyId}, which WEBHOOK_SECRET_KEYS no longer holds`);
      const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv!, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext!, 'base64url')), decipher.final()]).toString('utf8');
    },

    /** Whether `stored` is plain text or sealed under a key other than the current one. */
    needsResealing(stored: string): boolean {
      return SEALED.exec(stored)?.[1] !== current.id;
    },
  };
}

export type WebhookSecretBox = ReturnType<typeof createWebhookSecretBox>;

/**
 * This process's box: WEBHOOK_SECRET_KEYS when set (required when the API and workers run on
 * different machines), otherwise a key kept in the data directory.
 */
export function webhookSecretBoxFor(config: Pick<Config, 'WEBHOOK_SECRET_KEYS' | 'dataDir'>): WebhookSecretBox {
  return createWebhookSecretBox(config.WEBHOOK_SECRET_KEYS ?? [readOrCreateSecret(path.join(config.dataDir, 'webhook-secret-key'), 'WEBHOOK_SECRET_KEYS')]);
}

/**
 * Seals the secrets stored in plain text (before sealing existed) or under a key that is no
 * longer the current one. Each row is rewritten only if it still holds what was read.
 */
export async function resealWebhookSecrets(db: Database, box: WebhookSecretBox): Promise<number> {
  const webhooks = await db.webhook.findMany({ select: { id: true, secret: true } });
  let resealed = 0;
  for (const webhook of webhooks.filter((row) => box.needsResealing(row.secret))) {
    const { count } = await db.webhook.updateMany({ where: { id: webhook.id, secret: webhook.secret }, data: { secret: box.seal(box.open(webhook.secret)) } });
    resealed += count;
  }
  return resealed;
}
