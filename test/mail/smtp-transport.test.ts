import { loadConfig } from '../../lib/config';
import { type Database, createDatabase } from '../../lib/db/client';
import { newId } from '../../lib/ids';
import { openMailTransport } from '../../lib/mail/open';
import { createSmtpMailTransport, messageIdFor } from '../../lib/mail/smtp-transport';
import { testEnvironment } from '../support/globals';
import { SmtpReceiver } from '../support/smtp-receiver';

let db: Database;
let smtp: SmtpReceiver;
let tenantId: string;
beforeAll(async () => {
  db = createDatabase(testEnvironment().databaseUrl, 2);
  smtp = await SmtpReceiver.start();
  tenantId = (await db.tenant.create({ data: { id: newId('ten'), name: 'mail test' } })).id;
});
afterAll(async () => {
  await smtp?.stop();
  await db?.$disconnect();
});

const message = () => ({ tenantId, to: 'alex.kim@acme.com', subject: 'AI Readiness tooling for ACME', body: 'Hello Alex,\n\nÀ bientôt.' });

describe('SMTP mail transport', () => {
  it('sends a message once per idempotency key, with a Message-ID derived from the key, and records it as sent', async () => {
    const mail = createSmtpMailTransport(db, { url: smtp.url, from: 'Sales <sales@taskwright.test>' });
    const key = newId('art');
    await mail.send(message(), { idempotencyKey: key });
    await mail.send(message(), { idempotencyKey: key });

    const messageId = messageIdFor(key, 'taskwright.test');
    expect(messageId).toMatch(/^<[0-9a-f]{32}@taskwright\.test>$/);
    const received = smtp.acceptedWithMessageId(messageId);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: 'sales@taskwright.test', to: ['alex.kim@acme.com'], text: 'Hello Alex,\n\nÀ bientôt.' });
    expect(received[0]!.headers.get('subject')).toBe('AI Readiness tooling for ACME');
    expect(await db.outboxMessage.findMany({ where: { idempotencyKey: key } })).toEqual([expect.objectContaining({ to: 'alex.kim@acme.com', tenantId })]);
  });

  it('records nothing for a send aborted before the server accepted it, so the retry sends it once', async () => {
    const mail = createSmtpMailTransport(db, { url: smtp.url, from: 'sales@taskwright.test' });
    const key = newId('art');
    const held = smtp.holdNextMessage();
    const attempt = new AbortController();
    const first = mail.send(message(), { idempotencyKey: key, signal: attempt.signal });
    await held.arrived;
    attempt.abort();
    await expect(first).rejects.toThrow();
    expect(await db.outboxMessage.count({ where: { idempotencyKey: key } })).toBe(0);

    await mail.send(message(), { idempotencyKey: key });
    expect(smtp.receivedWithMessageId(messageIdFor(key, 'taskwright.test'))).toHaveLength(2);
    expect(smtp.acceptedWithMessageId(messageIdFor(key, 'taskwright.test'))).toHaveLength(1);
    expect(await db.outboxMessage.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it('waits for the server to accept before recording the message as sent', async () => {
    const mail = createSmtpMailTransport(db, { url: smtp.url, from: 'sales@taskwright.test' });
    const key = newId('art');
    const held = smtp.holdNextMessage();
    const sending = mail.send(message(), { idempotencyKey: key });
    await held.arrived;
    expect(await db.outboxMessage.count({ where: { idempotencyKey: key } })).toBe(0);
    held.release();
    await sending;
    expect(await db.outboxMessage.count({ where: { idempotencyKey: key } })).toBe(1);
    expect(smtp.acceptedWithMessageId(messageIdFor(key, 'taskwright.test'))).toHaveLength(1);
  });
});

describe('openMailTransport', () => {
  it('keeps messages in the outbox unless SMTP_URL is set, and sends them over SMTP when it is', async () => {
    const outboxKey = newId('art');
    await openMailTransport(loadConfig({}), db).send(message(), { idempotencyKey: outboxKey });
    expect(await db.outboxMessage.count({ where: { idempotencyKey: outboxKey } })).toBe(1);
    expect(smtp.acceptedWithMessageId(messageIdFor(outboxKey, 'localhost'))).toEqual([]);

    const smtpKey = newId('art');
    await openMailTransport(loadConfig({ SMTP_URL: smtp.url }), db).send(message(), { idempotencyKey: smtpKey });
    expect(smtp.acceptedWithMessageId(messageIdFor(smtpKey, 'localhost'))).toEqual([
      expect.objectContaining({ from: 'no-reply@localhost', to: ['alex.kim@acme.com'] }),
    ]);
  });
});
