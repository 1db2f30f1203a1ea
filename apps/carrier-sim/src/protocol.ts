import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { OutgoingReport } from './report-sender';
import { SimConfig, SimName } from './sim-config';
import { SimMessage } from './sim-stats';

export interface Reply {
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A send the protocol understood and authenticated. */
export interface ParsedSend {
  requestId: string;
  phone: string;
  content: string;
  callbackUrl?: string;
}

export interface SendContext {
  cfg: SimConfig;
  wallMs: number;
}

/** One gateway protocol: what the generic simulator server needs to know to speak it. */
export interface Protocol {
  readonly name: SimName;
  /** Is this request a send (rate-limited, counted)? */
  isSend(method: string, path: string): boolean;
  /** Other endpoints of the protocol (Zalo OAuth); null = 404. */
  other?(req: IncomingMessage, path: string, body: Buffer, ctx: SendContext): Reply | null;
  /** Parses and authenticates a send, or answers it (malformed, bad credentials). */
  parse(req: IncomingMessage, body: Buffer, ctx: SendContext): ParsedSend | Reply;
  /** Protocol checks after parsing and before acceptance (Zalo: account, quota, night); null = go on. */
  precheck?(p: ParsedSend, ctx: SendContext): Reply | null;
  throttled(): Reply;
  failure(code: string, p: ParsedSend): Reply;
  /** An already-accepted request id came again: a reply when the gateway dedupes (eSMS 124), else null. */
  duplicate?(existing: SimMessage): Reply | null;
  accept(p: ParsedSend, ctx: SendContext): { msg: SimMessage; reply: Reply };
  reports(msg: SimMessage, ctx: SendContext): OutgoingReport[];
  /** Protocol-specific counters added to `/_sim/stats` (Zalo: OAuth refreshes). */
  extraStats?(): Record<string, unknown>;
}

export const json = (status: number, value: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body: JSON.stringify(value),
  contentType: 'application/json; charset=utf-8',
  headers,
});

/** Canonical 84XXXXXXXXX from 84… or 0…; null when it is not a Vietnamese mobile number shape. */
export function canonicalPhone(p: string): string | null {
  const s = p.trim();
  if (/^84\d{9}$/.test(s)) return s;
  if (/^0\d{9}$/.test(s)) return '84' + s.slice(1);
  return null;
}

export const newId = (): string => randomUUID().replace(/-/g, '');
