import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal, unitScopeSql } from '@loa/access';

export interface FailureRow {
  phone: string;
  name: string | null;
  unit: string | null;
  reason: string;
  detail: string | null;
}

/** Per-recipient lists and the dashboard's small live views. */
@Injectable()
export class StatsExportsService {
  constructor(private readonly ds: DataSource) {}

  /** Who did not get the run's message and why, so a commune can call them. */
  async failures(who: Principal, runId: string): Promise<FailureRow[]> {
    if (!/^\d+$/.test(runId)) throw new BadRequestException('runId must be a run id (digits)');
    const params: unknown[] = [runId];
    const scope = unitScopeSql(who, 'd.unit_id', params);
    return this.ds.query(
      `SELECT d.phone, s.name, u.name AS unit, coalesce(d.error_code, d.status) AS reason, d.error_text AS detail
         FROM deliveries d
         LEFT JOIN subscribers s ON s.id = d.subscriber_id
         LEFT JOIN units u ON u.id = d.unit_id
        WHERE d.run_id = $1 AND d.status IN ('failed', 'expired') AND ${scope}
        ORDER BY u.path NULLS LAST, d.phone`,
      params,
    );
  }

  /**
   * Live counts of one run by status, for the progress bar while it sends, and per gateway its messages by status
   * (so staff see a failover: eSMS carrying Viettel's subscribers while Viettel is down). One run only, on the
   * (run_id, status) index: bounded by the run's size, unlike a count over all deliveries.
   */
  async live(
    who: Principal,
    runId: string,
  ): Promise<{
    runId: string;
    status: string;
    counts: Record<string, number>;
    byGateway: Record<string, Record<string, number>>;
  }> {
    if (!/^\d+$/.test(runId)) throw new BadRequestException('runId must be a run id (digits)');
    const params: unknown[] = [runId];
    const scope = unitScopeSql(who, 'd.unit_id', params);
    const run = await this.visibleRun(who, runId);
    if (!run) throw new NotFoundException(`Run ${runId} does not exist`);
    const rows = await this.ds.query(
      `SELECT d.status, count(*)::int AS n FROM deliveries d WHERE d.run_id = $1 AND ${scope} GROUP BY d.status`,
      params,
    );
    // A message's gateway is the one of its last attempt: where a failed-over message went.
    const perGateway: { gateway: string; status: string; n: number }[] = await this.ds.query(
      `SELECT m.gateway_id AS gateway, m.status, count(*)::int AS n
         FROM deliveries d JOIN messages m ON m.delivery_id = d.id
        WHERE d.run_id = $1 AND ${scope} GROUP BY 1, 2`,
      params,
    );
    const byGateway: Record<string, Record<string, number>> = {};
    for (const r of perGateway) (byGateway[r.gateway] ??= {})[r.status] = r.n;
    return {
      runId,
      status: run.status,
      counts: Object.fromEntries(rows.map((r: { status: string; n: number }) => [r.status, r.n])),
      byGateway,
    };
  }

  /**
   * A run the caller may follow: its campaign is in the caller's area, or it sent to the caller's units (a national
   * campaign, for a district key). Any other run answers as one that does not exist.
   */
  private async visibleRun(who: Principal, runId: string): Promise<{ status: string } | undefined> {
    const params: unknown[] = [runId];
    const [run] = await this.ds.query(
      `SELECT r.status FROM campaign_runs r JOIN campaigns c ON c.id = r.campaign_id
        WHERE r.id = $1 AND (${unitScopeSql(who, 'c.unit_id', params)}
              OR EXISTS (SELECT 1 FROM deliveries d WHERE d.run_id = r.id AND ${unitScopeSql(who, 'd.unit_id', params)}))`,
      params,
    );
    return run;
  }
}
