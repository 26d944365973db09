import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Header names in lower case, folded lines joined. */
  headers: Map<string, string>;
  /** The text body, quoted-printable decoded. */
  text: string;
}

/**
 * A real SMTP server on loopback (no TLS, no authentication). A message counts as accepted only
 * once the server answers 250 to it on a connection that is still open: a client that went away
 * while the answer was held back never had its message accepted. `holdNextMessage` holds back
 * the answer to the next message until `release` or until its client disconnects.
 */
export class SmtpReceiver {
  /** Every message whose data arrived, accepted or not. */
  readonly received: ReceivedMail[] = [];
  readonly accepted: ReceivedMail[] = [];
  port = 0;
  private readonly closedSessions = new Set<string>();
  private readonly disconnected = new Map<string, () => void>();
  private hold: { arrived: () => void; released: Promise<void> } | undefined;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      void this.receive(stream, session.id, session.envelope, callback);
    },
    onClose: (session) => {
      this.closedSessions.add(session.id);
      this.disconnected.get(session.id)?.();
    },
  });

  static async start(): Promise<SmtpReceiver> {
    const receiver = new SmtpReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.port = (receiver.server.server.address() as AddressInfo).port;
    return receiver;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Holds back the answer to the next message; `arrived` settles once its data is in. */
  holdNextMessage(): { arrived: Promise<void>; release(): void } {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    this.hold = { arrived, released };
    return { arrived: arrival, release };
  }

  /** Accepted messages carrying this Message-ID. */
  acceptedWithMessageId(messageId: string): ReceivedMail[] {
    return this.accepted.filter((mail) => mail.headers.get('message-id') === messageId);
  }

  /** Messages carrying this Message-ID whose data arrived, accepted or not. */
  receivedWithMessageId(messageId: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.headers.get('message-id') === messageId);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(
    stream: NodeJS.ReadableStream,
    sessionId: string,
    envelope: { mailFrom: false | { address: string }; rcptTo: { address: string }[] },
    answer: (error?: Error | null) => void,
  ): Promise<void> {
    const mail = { from: envelope.mailFrom ? envelope.mailFrom.address : '', to: envelope.rcptTo.map((rcpt) => rcpt.address), ...parseMessage((await buffer(stream)).toString('utf8')) };
    this.received.push(mail);
    const hold = this.hold;
    if (hold) {
      this.hold = undefined;
      hold.arrived();
      const gone = new Promise<void>((resolve) => this.disconnected.set(sessionId, resolve));
      if (!this.closedSessions.has(sessionId)) await Promise.race([hold.released, gone]);
    }
    if (this.closedSessions.has(sessionId)) return answer(new Error('The client went away before the answer'));
    this.accepted.push(mail);
    answer();
  }
}

function parseMessage(raw: string): Pick<ReceivedMail, 'headers' | 'text'> {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding') ?? '';
  const text = /quoted-printable/i.test(encoding) ? decodeQuotedPrintable(body) : /base64/i.test(encoding) ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { headers, text: text.replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

// Quoted-printable text is ASCII: soft line breaks and =XX escapes of UTF-8 bytes.
function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const joined = body.replace(/=\r\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    const escaped = joined[i] === '=' ? /^[0-9A-F]{2}/i.exec(joined.slice(i + 1, i + 3)) : null;
    if (escaped) {
      bytes.push(parseInt(escaped[0], 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
