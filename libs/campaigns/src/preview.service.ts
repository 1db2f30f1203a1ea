import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, vietnamDateTime } from '@loa/core';
import { audienceSelectSql, AudienceSpec } from './audience.sql';
import { CampaignFields } from './campaigns.repository';
import { emptyExclusions, EXCLUSION_REASONS, ExclusionCounts, ExclusionReason } from './campaign.types';
import { SmsSizeEstimate } from './message-estimate';
import { CarrierEstimate, PreviewCosts, ZnsEstimate } from './preview-costs';
import { finishWithinWindow, GatewayLoad, sendingSeconds, windowOpensAt } from './preview-estimate';
import { RegistrationCheck } from './campaign-registrations';
import { RegistrationGateService } from './registration-gate.service';
import { firstFireFrom, formatHhmm, ScheduleSpec } from './schedule';

export interface PreviewResult {
  at: Date;
  reach: { total: number; byCarrier: Record<string, number>; byUnit: { unitId: number | null; count: number }[] };
  matched: number;
  excluded: { total: number; byReason: ExclusionCounts; order: readonly ExclusionReason[] };
  message: { sms: SmsSizeEstimate | null; zns: { templateId: number } | null };
  cost: {
    currency: 'VND';
    total: number;
    sms: CarrierEstimate[];
    zns: ZnsEstimate | null;
    assumptions: string[];
  };
  duration: {
    startsAt: Date;
    sendingSeconds: number;
    finishesAt: Date;
    wallSeconds: number;
    window: { start: string; end: string };
    withinValidity: boolean;
    gateways: GatewayLoad[];
  };
  warnings: string[];
  /**
   * What the gateways would refuse or garble (a template not registered, or not matching its registration, at a
   * gateway the audience's carriers route to; a ZNS template without id or params). Scheduling is refused while
   * this is not empty.
   */
  registrationProblems: string[];
}

export type PreviewFields = Pick<
  CampaignFields,
  | 'segmentId'
  | 'brandname'
  | 'unitId'
  | 'channels'
  | 'frequencyCap'
  | 'capWindowHours'
  | 'stopOnClick'
  | 'stopOnInstall'
  | 'validityHours'
  | 'windowStartMinute'
  | 'windowEndMinute'
>;

type AudienceFields = 'segmentId' | 'unitId' | 'frequencyCap' | 'capWindowHours' | 'stopOnClick' | 'stopOnInstall';

const scheduleOf = (f: Partial<ScheduleSpec>): ScheduleSpec => ({
  scheduleCron: f.scheduleCron ?? null,
  runAt: f.runAt ?? null,
  startsAt: f.startsAt ?? null,
  endsAt: f.endsAt ?? null,
});

/** Who a campaign would reach right now, why the others are left out, what it costs and how long it takes. */
@Injectable()
export class PreviewService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly gate: RegistrationGateService,
    private readonly costs: PreviewCosts,
  ) {}

  /** The audience inputs of a campaign (also what fan-out uses). */
  async audienceOf(f: Pick<PreviewFields, AudienceFields>): Promise<AudienceSpec> {
    const [seg] = await this.ds.query(`SELECT filter, unit_id FROM segments WHERE id = $1`, [f.segmentId]);
    return {
      segment: { filter: seg?.filter ?? {}, unitId: seg?.unit_id ?? null },
      campaignUnitId: f.unitId,
      frequencyCap: f.frequencyCap,
      capWindowHours: f.capWindowHours,
      stopOnClick: f.stopOnClick,
      stopOnInstall: f.stopOnInstall,
    };
  }

  /**
   * `startsAt`: when the run would fire (a scheduled campaign's next fire time); without it, the first fire time of
   * the campaign's own schedule (a draft's preview is laid from its schedule, not from now), else now.
   */
  async preview(f: PreviewFields & Partial<ScheduleSpec>, startsAt?: Date | null): Promise<PreviewResult> {
    const now = this.clock.now();
    const scheduled = startsAt ?? (f.scheduleCron !== undefined ? firstFireFrom(scheduleOf(f), now) : null);
    const params: unknown[] = [now];
    const sql = audienceSelectSql(await this.audienceOf(f), params, '$1::timestamptz');
    const rows: { reason: ExclusionReason | null; carrier: string; unit_id: number | null; n: number }[] =
      await this.ds.query(
        `SELECT reason, carrier, unit_id, count(*)::int AS n FROM (${sql}) a GROUP BY reason, carrier, unit_id`,
        params,
      );
    const byReason = emptyExclusions();
    const byCarrier: Record<string, number> = {};
    const byUnit = new Map<number | null, number>();
    let reach = 0;
    const carriers = new Set<string>();
    for (const r of rows) {
      carriers.add(r.carrier);
      if (r.reason) {
        byReason[r.reason] += r.n;
        continue;
      }
      reach += r.n;
      byCarrier[r.carrier] = (byCarrier[r.carrier] ?? 0) + r.n;
      byUnit.set(r.unit_id, (byUnit.get(r.unit_id) ?? 0) + r.n);
    }
    const excludedTotal = EXCLUSION_REASONS.reduce((n, k) => n + byReason[k], 0);
    const { message, cost, loads, warnings } = await this.costs.of(f, byCarrier, reach, { sql, params });
    const registrations = await this.gate.check(f.channels, [...carriers], f.brandname, f.unitId);
    warnings.push(...registrations.warnings);
    const start = scheduled && scheduled > now ? scheduled : now;
    const opens = windowOpensAt(start, f.windowStartMinute, f.windowEndMinute);
    if (opens > start) {
      warnings.push(
        `nothing is sent before ${vietnamDateTime(opens)}: the run starts ${vietnamDateTime(start)}, outside the ` +
          `sending window ${formatHhmm(f.windowStartMinute)}–${formatHhmm(f.windowEndMinute)}`,
      );
    }
    const seconds = sendingSeconds(loads);
    const finishesAt = finishWithinWindow(start, seconds, f.windowStartMinute, f.windowEndMinute);
    const withinValidity = finishesAt.getTime() <= start.getTime() + f.validityHours * 3600_000;
    if (!withinValidity) {
      warnings.push(
        `sending is estimated to end ${finishesAt.toISOString()}, after the ${f.validityHours} h validity: ` +
          'what has not left by then is dropped as expired',
      );
    }
    return {
      at: now,
      reach: {
        total: reach,
        byCarrier,
        byUnit: [...byUnit].map(([unitId, count]) => ({ unitId, count })).sort((a, b) => b.count - a.count),
      },
      matched: reach + excludedTotal,
      excluded: { total: excludedTotal, byReason, order: EXCLUSION_REASONS },
      message,
      cost,
      duration: {
        startsAt: start,
        sendingSeconds: Math.ceil(seconds),
        finishesAt,
        wallSeconds: Math.ceil((finishesAt.getTime() - start.getTime()) / 1000),
        window: { start: formatHhmm(f.windowStartMinute), end: formatHhmm(f.windowEndMinute) },
        withinValidity,
        gateways: loads,
      },
      warnings,
      registrationProblems: registrations.problems,
    };
  }

  /**
   * What `preview` lists as `registrationProblems`, without the rest of the preview: the carriers are those of
   * everyone the segment matches (excluded or not: exclusions change between fires).
   */
  async registrationCheck(
    f: Pick<PreviewFields, AudienceFields | 'channels' | 'brandname'>,
  ): Promise<RegistrationCheck> {
    const params: unknown[] = [this.clock.now()];
    const sql = audienceSelectSql(await this.audienceOf(f), params, '$1::timestamptz');
    const rows: { carrier: string }[] = await this.ds.query(`SELECT DISTINCT carrier FROM (${sql}) a`, params);
    return this.gate.check(
      f.channels,
      rows.map((r) => r.carrier),
      f.brandname,
      f.unitId,
    );
  }
}
