import { SlidingWindow } from './sliding-window';

export interface SimMessage {
  /** The gateway's id for it (SMSID, msg_id; Viettel/VNPT have none: the request id). */
  providerId: string;
  requestId: string;
  phone: string;
  content: string;
  acceptedAt: number;
  callbackUrl?: string;
  carrier?: string;
  report?: { status: 'delivered' | 'failed'; attempts: number; acknowledged: boolean };
}

interface SecondBucket {
  second: number;
  arrivals: number;
  accepted: number;
  throttled: number;
}

const MAX_BUCKETS = 3600;

/** What a simulator saw: throughput, outcomes, duplicates, reports; plus the accepted messages themselves. */
export class SimStats {
  readonly arrivals = new SlidingWindow();
  readonly acceptedWindow = new SlidingWindow();
  requests = 0;
  accepted = 0;
  throttled = 0;
  failedInjected = 0;
  rejected = 0;
  duplicates = { requestId: 0, phoneContent: 0, deduped: 0 };
  reports = { sent: 0, acknowledged: 0, failedAttempts: 0, givenUp: 0 };
  private buckets = new Map<number, SecondBucket>();
  readonly messages: SimMessage[] = [];
  private byRequestId = new Map<string, SimMessage>();
  private byPhone = new Map<string, SimMessage[]>();
  private phoneContent = new Set<string>();

  /** A send arrived (before any decision); returns the count in the sliding second including it. */
  arrive(nowMono: number, wallMs: number): number {
    this.requests++;
    this.bucket(wallMs).arrivals++;
    return this.arrivals.hit(nowMono);
  }

  markThrottled(wallMs: number): void {
    this.throttled++;
    this.bucket(wallMs).throttled++;
  }

  findByRequestId(requestId: string): SimMessage | undefined {
    return this.byRequestId.get(requestId);
  }

  /** Records an accepted message, counting a repeated request id and a repeated phone+content. */
  accept(msg: SimMessage, nowMono: number): void {
    this.accepted++;
    this.bucket(msg.acceptedAt).accepted++;
    this.acceptedWindow.hit(nowMono);
    if (this.byRequestId.has(msg.requestId)) this.duplicates.requestId++;
    else this.byRequestId.set(msg.requestId, msg);
    const key = `${msg.phone}\u0000${msg.content}`;
    if (this.phoneContent.has(key)) this.duplicates.phoneContent++;
    else this.phoneContent.add(key);
    this.messages.push(msg);
    const list = this.byPhone.get(msg.phone) ?? [];
    list.push(msg);
    this.byPhone.set(msg.phone, list);
  }

  forPhone(phone: string): SimMessage[] {
    return this.byPhone.get(phone) ?? [];
  }

  private bucket(wallMs: number): SecondBucket {
    const second = Math.floor(wallMs / 1000);
    let b = this.buckets.get(second);
    if (!b) {
      b = { second, arrivals: 0, accepted: 0, throttled: 0 };
      this.buckets.set(second, b);
      if (this.buckets.size > MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value!);
    }
    return b;
  }

  snapshot(rate: number) {
    return {
      rate,
      requests: this.requests,
      accepted: this.accepted,
      throttled: this.throttled,
      failedInjected: this.failedInjected,
      rejected: this.rejected,
      /** Highest number of send requests (throttled ones included) in any sliding 1000 ms. */
      maxPerSecond: this.arrivals.max,
      /** Highest number of accepted sends in any sliding 1000 ms. */
      maxAcceptedPerSecond: this.acceptedWindow.max,
      duplicates: { ...this.duplicates },
      reports: { ...this.reports },
      /** Calendar seconds (epoch s), oldest first. */
      perSecond: [...this.buckets.values()],
    };
  }
}

export type SimStatsSnapshot = ReturnType<SimStats['snapshot']>;
