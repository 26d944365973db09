import type { MailMessage, MailTransport } from '../../agents/sdk';
import type { Database } from '../db/client';
import { newId } from '../ids';

/**
 * The built-in mail transport: it keeps each message in `outbox_messages` instead of sending it
 * (no mail provider runs here). The idempotency key is unique there, so a repeated send is a
 * no-op. A real provider goes behind the same interface.
 */
export function createOutboxMailTransport(db: Database): MailTransport {
  return {
    send: (message, { idempotencyKey }) => recordInOutbox(db, message, idempotencyKey),
  };
}

/** Keeps `message` in `outbox_messages` under its idempotency key, unless one is kept there already. */
export async function recordInOutbox(db: Database, message: MailMessage, idempotencyKey: string): Promise<void> {
  await db.outboxMessage.createMany({
    data: [{ id: newId('msg'), idempotencyKey, tenantId: message.tenantId, to: message.to, subject: message.subject, body: message.body }],
    skipDuplicates: true,
  });
}
