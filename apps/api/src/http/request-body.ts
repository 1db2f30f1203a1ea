import type { IncomingMessage } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

/** A body past its limit: answered 413, its bytes drained but never kept. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than this route's limit of ${limit} bytes`);
  }
}

/** A body that cannot be read as sent (unknown Content-Encoding, broken gzip, aborted upload): answered 4xx. */
export class BodyUnreadable extends Error {
  constructor(
    readonly status: 400 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** "2mb", "512kb", "100" (bytes) → bytes, the notation of `api.bodyLimit`. */
export function byteLimit(s: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(s);
  if (!m) throw new Error(`"${s}" is not a size like "256kb" or "4mb"`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * unit);
}

/** Whether a request carries a body at all (as type-is decides: a length above 0, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function decoded(req: IncomingMessage): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return req;
  const inflate = { gzip: createGunzip, deflate: createInflate, br: createBrotliDecompress }[encoding];
  if (!inflate) throw new BodyUnreadable(415, `Unsupported Content-Encoding "${encoding}": send identity or gzip`);
  return req.pipe(inflate());
}

/**
 * The exact bytes of a request body (signatures are computed over them), decoded, up to `limit`: a declared
 * Content-Length past it is refused before one byte is read; a longer stream is cut off at the limit.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const fail = (e: Error) => {
      req.unpipe();
      req.removeAllListeners('data');
      req.resume(); // drain what is left (unkept), so the 4xx can be answered
      reject(e);
    };
    if (Number(req.headers['content-length'] ?? 0) > limit) return fail(new BodyTooLarge(limit));
    let body: Readable;
    try {
      body = decoded(req);
    } catch (e) {
      return fail(e as Error);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        body.removeAllListeners('data');
        fail(new BodyTooLarge(limit));
      } else chunks.push(c);
    });
    body.on('end', () => resolve(size ? Buffer.concat(chunks) : undefined));
    body.on('error', (e) =>
      fail(body === req ? e : new BodyUnreadable(400, `The body cannot be decoded: ${e.message}`)),
    );
    if (body !== req) req.on('error', reject);
  });
}
