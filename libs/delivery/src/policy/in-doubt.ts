import { SendOutcome } from '@loa/channels';

/**
 * Whether an outcome leaves it open that the gateway took the message: no answer after the request went out
 * (timeout, connection reset, aborted) or an answer we could not read. A refused connection or DNS failure never
 * reached the gateway; an HTTP or protocol answer says what happened.
 */
export function maybeAccepted(o: SendOutcome): o is Extract<SendOutcome, { kind: 'retry' }> {
  if (o.kind !== 'retry') return false;
  if (o.code === 'timeout' || o.code === 'aborted' || o.code === 'unreadable' || o.code === 'EXCEPTION') return true;
  if (o.code === 'network') return !/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/.test(o.text);
  return false;
}
