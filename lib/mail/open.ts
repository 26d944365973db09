import type { MailTransport } from '../../agents/sdk';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { createOutboxMailTransport } from './outbox-transport';
import { createSmtpMailTransport } from './smtp-transport';

/** The configured mail transport: SMTP when `SMTP_URL` is set, otherwise the built-in outbox. */
export function openMailTransport(config: Pick<Config, 'SMTP_URL' | 'SMTP_FROM'>, db: Database): MailTransport {
  if (!config.SMTP_URL) return createOutboxMailTransport(db);
  return createSmtpMailTransport(db, { url: config.SMTP_URL, from: config.SMTP_FROM });
}
