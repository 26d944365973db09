import { type Readable, Transform } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import type { ContentStore, StoredContent } from '../../lib/storage/content-store';
import { type FieldProblem, HttpProblem, invalidRequest } from '../problem';
import { fileName, filePurpose, mimeType } from './schemas';

export interface ReceivedFile {
  name: string;
  mimeType: string;
  purpose: string | undefined;
  stored: StoredContent;
}

interface UploadTarget {
  storage: ContentStore;
  /** Where the content goes. */
  key: string;
  maxBytes: number;
}

/**
 * Streams the file of a `POST /v1/files` straight into the content store, never holding it whole:
 * multipart/form-data (the file in field `file`, optional `purpose`) or a raw body (`?name=`, the
 * type from Content-Type). More than `maxBytes` is a 413. If it fails, nothing of the file stays
 * stored, and the rest of the body is read and dropped so the answer reaches the client.
 */
export async function receiveUpload(req: Request, query: { name?: string; purpose?: string }, target: UploadTarget): Promise<ReceivedFile> {
  try {
    return req.is('multipart/form-data') ? await receiveMultipart(req, query, target) : await receiveRaw(req, query, target);
  } catch (error) {
    req.unpipe();
    req.resume();
    await target.storage.delete(target.key);
    throw error;
  }
}

async function receiveRaw(req: Request, query: { name?: string; purpose?: string }, { storage, key, maxBytes }: UploadTarget): Promise<ReceivedFile> {
  if (query.name === undefined) {
    throw invalidRequest([
      { field: 'name', in: 'query', message: 'Required for a raw upload; or send multipart/form-data with the file in the field "file"' },
    ]);
  }
  let type = (req.get('content-type') ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
  // What curl --data-binary sends unless told otherwise: it says nothing about the file.
  if (type === 'application/x-www-form-urlencoded') type = 'application/octet-stream';
  if (!mimeType.safeParse(type).success) {
    throw invalidRequest([{ field: 'Content-Type', in: 'header', message: 'The MIME type of the file, like application/pdf' }]);
  }
  const declared = req.get('content-length');
  if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  const stored = await storage.put(key, capped(req, maxBytes));
  return { name: query.name, mimeType: type, purpose: query.purpose, stored };
}

async function receiveMultipart(req: Request, query: { name?: string; purpose?: string }, { storage, key, maxBytes }: UploadTarget): Promise<ReceivedFile> {
  let form: busboy.Busboy;
  try {
    form = busboy({ headers: req.headers, limits: { fields: 10, fieldSize: 1024, parts: 20 } });
  } catch (error) {
    throw malformed(error);
  }
  const problems: FieldProblem[] = [];
  let purpose = query.purpose;
  let upload: Promise<Omit<ReceivedFile, 'purpose'>> | undefined;
  // A failed write stops reading the file, which stalls the form: that must end the wait too.
  let uploadFailed: (error: unknown) => void = () => {};
  const failedUpload = new Promise<never>((_resolve, reject) => (uploadFailed = reject));
  const formRead = new Promise<void>((resolve, reject) => {
    form.on('close', resolve);
    form.on('error', (error) => reject(malformed(error)));
  });
  // Whichever settles first is awaited; the other must not become an unhandled rejection.
  failedUpload.catch(() => {});
  formRead.catch(() => {});

  form.on('file', (field, content, info) => {
    const name = query.name ?? info.filename;
    const checkedName = fileName.safeParse(name);
    if (field !== 'file' || upload) {
      problems.push({ field: partName(field), in: 'body', message: field === 'file' ? 'Send one file per upload' : 'Unexpected file; send the file in the field "file"' });
    } else if (!checkedName.success) {
      problems.push({ field: 'file', in: 'body', message: name === undefined ? 'The file needs a file name (or give ?name=)' : checkedName.error.issues[0]!.message });
    } else {
      upload = storage.put(key, capped(content, maxBytes)).then((stored) => ({ name: checkedName.data, mimeType: info.mimeType.toLowerCase(), stored }));
      upload.catch(uploadFailed);
      return;
    }
    // Skipped: read and dropped; what goes wrong with it is the form's error.
    content.on('error', () => {}).resume();
  });
  form.on('field', (field, value, info) => {
    if (field !== 'purpose') {
      problems.push({ field: partName(field), in: 'body', message: 'Unknown field; the form takes "file" and "purpose"' });
      return;
    }
    const checked = filePurpose.safeParse(value);
    if (checked.success && !info.valueTruncated) purpose = checked.data;
    else problems.push({ field: 'purpose', in: 'body', message: checked.error?.issues[0]?.message ?? 'Too long' });
  });
  // A client that goes away mid-form leaves the form waiting for the rest: end it.
  req.on('close', () => {
    if (!req.complete) form.destroy(new Error('the upload broke off'));
  });
  req.pipe(form);

  try {
    await Promise.race([formRead, failedUpload]);
    const received = await upload;
    if (problems.length > 0) throw invalidRequest(problems);
    if (!received) throw invalidRequest([{ field: 'file', in: 'body', message: 'Required: the file, in the field "file"' }]);
    return { ...received, purpose };
  } catch (error) {
    req.unpipe(form);
    form.destroy();
    // Settled before the caller removes what it stored, so a late write cannot outlive that.
    await upload?.catch(() => {});
    throw error;
  }
}

/** A form part's name as a problem names it: busboy gives none for `name=""`. */
const partName = (field: string | undefined) => field || '(a part without a name)';

/** `source`, failing with a 413 once more than `maxBytes` came through, or if it breaks off. */
function capped(source: Readable, maxBytes: number): Readable {
  let received = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > maxBytes) return done(tooLarge(maxBytes));
      done(null, chunk);
    },
  });
  source.on('error', (error) => counted.destroy(error));
  source.on('close', () => {
    if (!source.readableEnded) counted.destroy(new HttpProblem(400, 'upload_incomplete', 'The upload broke off before the file was complete.'));
  });
  source.pipe(counted);
  return counted;
}

// The client is still sending: the connection closes after this answer rather than read the rest.
const tooLarge = (maxBytes: number) =>
  new HttpProblem(413, 'payload_too_large', `The file is larger than the ${maxBytes} bytes allowed (FILE_MAX_BYTES).`, { max_bytes: maxBytes }, { Connection: 'close' });

const malformed = (error: unknown) =>
  new HttpProblem(400, 'malformed_multipart', `The multipart/form-data body could not be read: ${(error as Error).message}`);
