import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { MailTransport } from '../../agents/sdk';
import type { Database } from '../db/client';
import { recordInOutbox } from './outbox-transport';

// A send gives up after this long: well inside the effect activity's 5-minute start-to-close
// timeout, so a retried attempt never starts while an earlier one may still be talking to the
// server.
const SEND_BUDGET_MS = 2 * 60_000;

export interface SmtpMailOptions {
  /** `smtp://host:port` or `smtps://host:port`, optionally with `user:pass@`. */
  url: string;
  /** The From header: `no-reply@example.com` or `Name <no-reply@example.com>`. */
  from: string;
}

/**
 * Sends mail over SMTP (nodemailer), once per idempotency key, with `outbox_messages` as the
 * ledger of what was sent: a key the ledger holds sends nothing; the message's Message-ID is
 * derived from the key, so every attempt sends the same message; the ledger row is written only
 * after the server answered 250 to it.
 *
 * An attempt that ends before that 250 (a crash, or a worker shutdown, which aborts the send and
 * closes the connection) left nothing the server accepted, so the retry sends the message once.
 * One narrow window remains: the server accepted the message (or committed it just as the
 * connection was cut, before its 250 reached us) and the attempt ended before the ledger write.
 * The retry then sends a second copy, with the same Message-ID, which receivers that
 * de-duplicate by Message-ID drop.
 */
export function createSmtpMailTransport(db: Database, options: SmtpMailOptions): MailTransport {
  const transporter = nodemailer.createTransport(options.url);
  const domain = /@([^\s<>@]+)>?$/.exec(options.from)?.[1];
  if (!domain) throw new Error(`The mail sender "${options.from}" has no address`);

  return {
    async send(message, { idempotencyKey, signal }) {
      const sent = await db.outboxMessage.findUnique({ where: { idempotencyKey }, select: { id: true } });
      if (sent) return;
      const budget = AbortSignal.timeout(SEND_BUDGET_MS);
      await transporter.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.body,
        messageId: messageIdFor(idempotencyKey, domain),
        signal: signal ? AbortSignal.any([signal, budget]) : budget,
      });
      await recordInOutbox(db, message, idempotencyKey);
    },
  };
}

/** The Message-ID every attempt of one send carries. */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@${domain}>`;
}
