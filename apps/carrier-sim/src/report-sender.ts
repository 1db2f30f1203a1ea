import { request } from 'undici';
import { SimConfig } from './sim-config';
import { SimMessage, SimStats } from './sim-stats';

export interface OutgoingReport {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Sends delivery reports the way gateways do: after a delay, retried while our webhook answers non-2xx. */
export class ReportSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly stats: SimStats) {}

  /** Schedules `reports` for `msg` after the configured delay (and again, when duplicates are configured). */
  schedule(msg: SimMessage, reports: OutgoingReport[], dlr: SimConfig['dlr']): void {
    const copies = dlr.duplicate ? 2 : 1;
    for (let i = 0; i < copies; i++) this.later(dlr.delayMs, () => this.deliverAll(msg, reports, dlr));
  }

  /** Sends now (first attempt awaited; retries continue in the background). */
  async sendNow(msg: SimMessage, reports: OutgoingReport[], dlr: SimConfig['dlr']): Promise<void> {
    await this.deliverAll(msg, reports, dlr);
    if (dlr.duplicate) this.later(dlr.delayMs, () => this.deliverAll(msg, reports, dlr));
  }

  private async deliverAll(msg: SimMessage, reports: OutgoingReport[], dlr: SimConfig['dlr']): Promise<void> {
    for (const r of reports) await this.attempt(msg, r, dlr, 1);
  }

  private async attempt(msg: SimMessage, r: OutgoingReport, dlr: SimConfig['dlr'], n: number): Promise<void> {
    if (this.closed) return;
    this.stats.reports.sent++;
    if (msg.report) msg.report.attempts++;
    let ok = false;
    try {
      const res = await request(r.url, {
        method: r.method,
        headers: r.headers,
        body: r.body,
        signal: AbortSignal.timeout(5000),
      });
      await res.body.dump();
      ok = res.statusCode >= 200 && res.statusCode < 300;
    } catch {
      ok = false;
    }
    if (ok) {
      this.stats.reports.acknowledged++;
      if (msg.report) msg.report.acknowledged = true;
      return;
    }
    this.stats.reports.failedAttempts++;
    if (n >= dlr.maxAttempts) this.stats.reports.givenUp++;
    else this.later(dlr.retryDelayMs, () => this.attempt(msg, r, dlr, n + 1));
  }

  private later(ms: number, fn: () => Promise<void>): void {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      void fn();
    }, ms);
    this.timers.add(t);
  }

  cancelAll(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  close(): void {
    this.closed = true;
    this.cancelAll();
  }
}
