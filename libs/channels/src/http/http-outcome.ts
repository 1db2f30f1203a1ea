import { SendOutcome } from '../channel.types';
import { GatewayHttp, HttpResult, TransportError } from './gateway-http.client';

/** Retry-After is either seconds or an HTTP date; returns milliseconds from `nowMs`, or undefined. */
export function retryAfterMs(value: string | string[] | undefined, nowMs: number): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * The outcome of an HTTP answer that is not the protocol's own (429, 5xx, other 4xx), or
 * null when the body should be read by the protocol.
 */
export function httpStatusOutcome(res: HttpResult, nowMs: number): SendOutcome | null {
  const text = `HTTP ${res.status}: ${res.text.slice(0, 200)}`;
  if (res.status === 429) {
    return {
      kind: 'retry',
      code: 'http-429',
      text,
      throttled: true,
      afterMs: retryAfterMs(res.headers['retry-after'], nowMs),
    };
  }
  if (res.status >= 500 || res.status === 408) {
    return {
      kind: 'retry',
      code: `http-${res.status}`,
      text,
      afterMs: retryAfterMs(res.headers['retry-after'], nowMs),
    };
  }
  // Any other 4xx says our request is wrong (malformed, credentials, IP, endpoint): ours to fix, not the person's.
  if (res.status >= 400) return { kind: 'refused', code: `http-${res.status}`, text };
  return null;
}

/** No answer (timeout, connection refused/reset): always retry; the gateway's dedupe key makes it safe. */
export function transportOutcome(e: unknown): SendOutcome {
  if (e instanceof TransportError) return { kind: 'retry', code: e.kind, text: e.message };
  throw e;
}

/** The body could not be understood: the gateway may have accepted, so retry with the same request id. */
export function unreadableOutcome(res: HttpResult, why: string): SendOutcome {
  return { kind: 'retry', code: 'unreadable', text: `${why}: ${res.text.slice(0, 200)}` };
}

/** A JSON send's answer: its body parsed, or the outcome already known from the transport, the status or the body. */
export type JsonReply = { json: unknown; res: HttpResult } | { outcome: SendOutcome };

/**
 * POSTs a JSON send and settles what needs no protocol knowledge: no answer (retry), an HTTP status that is not
 * the protocol's own (`httpStatusOutcome`), a body that is not JSON (unreadable: retry with the same request id).
 * What is left is the protocol's reply, for its adapter to classify.
 */
export async function postJsonSend(
  http: Pick<GatewayHttp, 'post'>,
  url: string,
  body: unknown,
  opts: { timeoutMs: number; nowMs: () => number; headers?: Record<string, string>; signal?: AbortSignal },
): Promise<JsonReply> {
  let res: HttpResult;
  try {
    const headers = { 'content-type': 'application/json', ...opts.headers };
    res = await http.post(url, JSON.stringify(body), headers, opts.timeoutMs, opts.signal);
  } catch (e) {
    return { outcome: transportOutcome(e) };
  }
  const byStatus = httpStatusOutcome(res, opts.nowMs());
  if (byStatus) return { outcome: byStatus };
  try {
    return { json: JSON.parse(res.text), res };
  } catch {
    return { outcome: unreadableOutcome(res, 'answer is not JSON') };
  }
}
