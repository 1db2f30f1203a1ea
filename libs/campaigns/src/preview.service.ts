import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { routeList } from '@loa/channels';
import { longestUnitNameWithin } from '@loa/templates';
import { APP_CONFIG, AppConfig, Clock, vietnamDateTime } from '@loa/core';
import { audienceSelectSql, AudienceSpec } from './audience.sql';
import { CampaignFields } from './campaigns.repository';
import { emptyExclusions, EXCLUSION_REASONS, ExclusionCounts, ExclusionReason } from './campaign.types';
import { longestSmsSize, SmsSizeEstimate } from './message-estimate';
import { finishWithinWindow, GatewayLoad, sendingSeconds, windowOpensAt, ZNS_FALLBACK_SHARE } from './preview-estimate';
import { RegistrationCheck } from './campaign-registrations';
import { RegistrationGateService } from './registration-gate.service';
import { firstFireFrom, formatHhmm, ScheduleSpec } from './schedule';

export interface CarrierEstimate {
  carrier: string;
  recipients: number;
  /** The carrier's first-choice gateway (what the estimate assumes). */
  gatewayId: string | null;
  /** Every gateway that may carry it, in order: the later ones take over while an earlier one is down. */
  gatewayIds: string[];
  /** Recipients expected to get an SMS (all, or the assumed fallback share behind Zalo). */
  smsRecipients: number;
  segments: number;
  pricePerSegment: number;
  cost: number;
}

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
    zns: { recipients: number; pricePerMessage: number; cost: number } | null;
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

type PreviewFields = Pick<
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
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly gate: RegistrationGateService,
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
    const { message, cost, loads, warnings } = await this.costs(f, byCarrier, reach);
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

  private async costs(f: PreviewFields, byCarrier: Record<string, number>, reach: number) {
    const warnings: string[] = [];
    const assumptions: string[] = [];
    const ids = f.channels.map((c) => c.templateId);
    const templates: { id: number; channel: string; body: string | null; unaccented: boolean }[] = await this.ds.query(
      `SELECT id, channel, body, unaccented FROM templates WHERE id = ANY($1::int[])`,
      [ids],
    );
    const rates = await this.liveRates();
    const smsStep = f.channels.findIndex((c) => c.channel === 'sms');
    const znsStep = f.channels.findIndex((c) => c.channel === 'zns');
    const znsFirst = znsStep === 0;

    let sms: SmsSizeEstimate | null = null;
    if (smsStep >= 0) {
      const t = templates.find((x) => x.id === f.channels[smsStep].templateId);
      sms = longestSmsSize(t?.body ?? '', t?.unaccented ?? true, {
        publicBaseUrl: this.cfg.api.publicBaseUrl,
        linkCodeLength: this.cfg.links.codeLength,
        longestUnitName: await longestUnitNameWithin(this.ds, f.unitId), // the campaign's area, never beyond
      });
      warnings.push(...sms.warnings);
    }
    const smsShare = smsStep < 0 ? 0 : znsFirst ? ZNS_FALLBACK_SHARE : 1;
    if (znsFirst && smsStep >= 0) {
      assumptions.push(`${ZNS_FALLBACK_SHARE * 100}% of the Zalo recipients are assumed to fall back to SMS`);
    }
    const loads = new Map<string, GatewayLoad>();
    const load = (gatewayId: string, messages: number) => {
      const g = loads.get(gatewayId) ?? { gatewayId, messages: 0, ratePerSecond: rates.get(gatewayId) ?? 1 };
      g.messages += messages;
      loads.set(gatewayId, g);
    };
    const carriers: CarrierEstimate[] = [];
    if (sms) {
      for (const [carrier, recipients] of Object.entries(byCarrier)) {
        const route = routeList(this.cfg, 'sms', carrier);
        const gw = route.ok ? route.gateways[0] : undefined;
        if (!gw) warnings.push(`no SMS gateway is routed for carrier ${carrier}: ${recipients} people cannot get SMS`);
        const smsRecipients = Math.round(recipients * smsShare);
        const price = gw?.pricePerSegment ?? 0;
        carriers.push({
          carrier,
          recipients,
          gatewayId: gw?.id ?? null,
          gatewayIds: route.ok ? route.gateways.map((g) => g.id) : [],
          smsRecipients,
          segments: smsRecipients * sms.segments,
          pricePerSegment: price,
          cost: smsRecipients * sms.segments * price,
        });
        if (gw) load(gw.id, smsRecipients * sms.segments);
      }
    }
    let zns: PreviewResult['cost']['zns'] = null;
    if (znsStep >= 0) {
      const zroute = routeList(this.cfg, 'zns', '');
      const gw = zroute.ok ? zroute.gateways[0] : undefined;
      const recipients = znsFirst ? reach : Math.round(reach * ZNS_FALLBACK_SHARE);
      if (!znsFirst)
        assumptions.push(`${ZNS_FALLBACK_SHARE * 100}% of the SMS recipients are assumed to fall back to Zalo`);
      zns = { recipients, pricePerMessage: gw?.pricePerSegment ?? 0, cost: recipients * (gw?.pricePerSegment ?? 0) };
      if (gw) load(gw.id, recipients);
      else warnings.push('no Zalo ZNS gateway is configured');
    }
    const total = carriers.reduce((n, c) => n + c.cost, 0) + (zns?.cost ?? 0);
    return {
      message: { sms, zns: znsStep >= 0 ? { templateId: f.channels[znsStep].templateId } : null },
      cost: { currency: 'VND' as const, total, sms: carriers, zns, assumptions },
      loads: [...loads.values()],
      warnings,
    };
  }

  /** Each gateway's rate: the live setting (changed without restart) or the configured one. */
  private async liveRates(): Promise<Map<string, number>> {
    const rows: { gateway_id: string; rate_per_second: number | null }[] = await this.ds.query(
      `SELECT gateway_id, rate_per_second FROM gateway_settings`,
    );
    const m = new Map(this.cfg.gateways.map((g) => [g.id, g.ratePerSecond]));
    for (const r of rows) if (r.rate_per_second) m.set(r.gateway_id, r.rate_per_second);
    return m;
  }
}
