import { newId } from '../../lib/ids';
import { createWebhookSecretBox, resealWebhookSecrets } from '../../lib/webhooks/secret-box';
import { type TestStack, startStack } from '../support/stack';

const OLD_KEY = 'the key the secrets were first sealed with';
const NEW_KEY = 'the key that replaces it, rotated in first';

describe('webhook secrets at rest', () => {
  it('seals with AES-256-GCM: a fresh IV each time, and any change to the sealed value is refused', () => {
    const box = createWebhookSecretBox([OLD_KEY]);
    const once = box.seal('whsec_abc');
    const twice = box.seal('whsec_abc');
    expect(once).not.toBe(twice);
    expect(box.open(once)).toBe('whsec_abc');
    const [, , iv, ciphertext, tag] = once.split('.');
    const flipped = Buffer.from(ciphertext!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => box.open(once.replace(ciphertext!, flipped.toString('base64url')))).toThrow();
    expect(() => box.open(once.replace(tag!, Buffer.alloc(16).toString('base64url')))).toThrow();
    expect(() => box.open(once.replace(iv!, Buffer.alloc(12).toString('base64url')))).toThrow();
    // Another key cannot open it, and says which key is missing.
    expect(() => createWebhookSecretBox([NEW_KEY]).open(once)).toThrow(/no longer holds/);
  });

  describe('rotation', () => {
    let stack: TestStack;
    beforeAll(async () => {
      // Its own database: resealing covers every webhook, and other files' are sealed under other keys.
      stack = await startStack({ worker: false, ownDatabase: true });
    });
    afterAll(async () => {
      await stack?.stop();
    });

    it('reseals plain and old-key secrets under the new key, after which the old key can go', async () => {
      const { tenantId } = await stack.newTenant();
      const old = createWebhookSecretBox([OLD_KEY]);
      const create = (secret: string) =>
        stack.db.webhook.create({ data: { id: newId('whk'), tenantId, url: 'https://hooks.example.com/', events: ['task.created'], secret, secretHint: '…', afterSeq: 0n } });
      const plain = await create('stored before sealing existed');
      const sealed = await create(old.seal('sealed under the old key'));

      const rotated = createWebhookSecretBox([NEW_KEY, OLD_KEY]);
      expect(await resealWebhookSecrets(stack.db, rotated)).toBeGreaterThanOrEqual(2);
      expect(await resealWebhookSecrets(stack.db, rotated)).toBe(0);

      const onlyNew = createWebhookSecretBox([NEW_KEY]);
      const reread = async (id: string) => (await stack.db.webhook.findUniqueOrThrow({ where: { id } })).secret;
      expect(onlyNew.open(await reread(plain.id))).toBe('stored before sealing existed');
      expect(onlyNew.open(await reread(sealed.id))).toBe('sealed under the old key');
      expect(await reread(plain.id)).not.toContain('stored before');
    });
  });
});
