import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AgentContext, OpenedContent } from '../../sdk';

/**
 * Streams opened content to a file, heartbeating as it goes; more than `maxBytes` fails with
 * `tooLarge()` before it is all written.
 */
export async function saveContent(context: AgentContext, opened: OpenedContent, target: string, maxBytes: number, tooLarge: () => Error): Promise<void> {
  if (opened.sizeBytes !== null && opened.sizeBytes > maxBytes) {
    opened.content.destroy();
    throw tooLarge();
  }
  let size = 0;
  const capped = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      context.heartbeat();
      size += chunk.length;
      if (context.signal.aborted) return done(context.signal.reason as Error);
      if (size > maxBytes) return done(tooLarge());
      done(null, chunk);
    },
  });
  await pipeline(opened.content, capped, createWriteStream(target));
}
