import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { routeList } from '@loa/channels';
import { APP_CONFIG, AppConfig, GatewayConfig } from '@loa/core';
import { longestUnitNameWithin, renderSmsFor, SmsTemplateSource, TemplateVars } from '@loa/templates';
import { longestSmsSize, SmsSizeEstimate } from './message-estimate';
import { GatewayLoad, ZNS_FALLBACK_SHARE } from './preview-estimate';
import type { PreviewFields } from './preview.service';

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

export interface ZnsEstimate {
  recipients: number;
  pricePerMessage: number;
  cost: number;
}

/** The audience's SQL (`audienceSelectSql`) and its parameters. */
export interface AudienceQuery {
  sql: string;
  params: unknown[];
}

/**
 * Above this many distinct (carrier, name, unit) among the people reached, SMS parts are counted from the template's
 * longest rendering instead of person by person (an upper bound; the preview says so).
 */
export const EXACT_PARTS_MAX_GROUPS = 50_000;

type SmsTemplate = SmsTemplateSource & { id: number; channel: string };

/**
 * The preview's cost and gateway loads. SMS parts are counted as the send path counts them (`renderSmsFor`, the
 * carrier's first gateway — VNPT's registered text included), for each distinct name and unit of the people
 * reached, so that for an SMS campaign sent without failover the estimate is what statistics later report.
 */
@Injectable()
export class PreviewCosts {
  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  async of(f: PreviewFields, byCarrier: Record<string, number>, reach: number, audience: AudienceQuery) {
    const warnings: string[] = [];
    const assumptions: string[] = [];
    const ids = f.channels.map((c) => c.templateId);
    const templates: SmsTemplate[] = await this.ds.query(
      `SELECT id, channel, body, unaccented, registrations FROM templates WHERE id = ANY($1::int[])`,
      [ids],
    );
    const rates = await this.liveRates();
    const smsStep = f.channels.findIndex((c) => c.channel === 'sms');
    const znsStep = f.channels.findIndex((c) => c.channel === 'zns');
    const znsFirst = znsStep === 0;
    const firstGateway = new Map<string, GatewayConfig>();
    for (const carrier of Object.keys(byCarrier)) {
      const route = routeList(this.cfg, 'sms', carrier);
      if (route.ok && route.gateways[0]) firstGateway.set(carrier, route.gateways[0]);
    }

    let sms: SmsSizeEstimate | null = null;
    let parts: Map<string, number> | null = null;
    if (smsStep >= 0) {
      const t = templates.find((x) => x.id === f.channels[smsStep].templateId);
      sms = longestSmsSize(t?.body ?? '', t?.unaccented ?? true, {
        publicBaseUrl: this.cfg.api.publicBaseUrl,
        linkCodeLength: this.cfg.links.codeLength,
        longestUnitName: await longestUnitNameWithin(this.ds, f.unitId), // the campaign's area, never beyond
      });
      warnings.push(...sms.warnings);
      parts = t ? await this.exactParts(audience, t, firstGateway, f.brandname) : null;
      if (!parts) {
        assumptions.push(
          `SMS parts are counted from the longest rendering (name and unit at their longest): an upper bound`,
        );
      }
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
        const gw = firstGateway.get(carrier);
        if (!gw) warnings.push(`no SMS gateway is routed for carrier ${carrier}: ${recipients} people cannot get SMS`);
        const smsRecipients = Math.round(recipients * smsShare);
        // Everyone's own parts, scaled by the share expected to get an SMS at all.
        const everyone = parts ? (parts.get(carrier) ?? 0) : recipients * sms.segments;
        const segments = Math.round(everyone * smsShare);
        const price = gw?.pricePerSegment ?? 0;
        carriers.push({
          carrier,
          recipients,
          gatewayId: gw?.id ?? null,
          gatewayIds: route.ok ? route.gateways.map((g) => g.id) : [],
          smsRecipients,
          segments,
          pricePerSegment: price,
          cost: segments * price,
        });
        if (gw) load(gw.id, segments);
      }
    }
    let zns: ZnsEstimate | null = null;
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

  /**
   * Carrier → SMS parts of everyone reached, each rendered as the send path renders it (a link code and the last
   * four digits have fixed lengths, so only name and unit vary); null when the audience is too varied to count so.
   */
  private async exactParts(
    audience: AudienceQuery,
    tpl: SmsTemplate,
    gateways: Map<string, GatewayConfig>,
    brandname: string,
  ): Promise<Map<string, number> | null> {
    const rows: { carrier: string; name: string | null; unit: string | null; n: number }[] = await this.ds.query(
      `SELECT a.carrier, s.name, u.name AS unit, count(*)::int AS n
         FROM (${audience.sql}) a LEFT JOIN subscribers s ON s.id = a.id LEFT JOIN units u ON u.id = a.unit_id
        WHERE a.reason IS NULL GROUP BY 1, 2, 3 LIMIT ${EXACT_PARTS_MAX_GROUPS + 1}`,
      audience.params,
    );
    if (rows.length > EXACT_PARTS_MAX_GROUPS) return null;
    const code = 'x'.repeat(this.cfg.links.codeLength);
    const base: TemplateVars = {
      link: `${this.cfg.api.publicBaseUrl.replace(/\/+$/, '')}/r/${code}`,
      link_code: code,
      brandname,
      phone_last4: '0000',
    };
    const parts = new Map<string, number>();
    for (const r of rows) {
      const gw = gateways.get(r.carrier);
      if (!gw) continue;
      const { segments } = renderSmsFor(gw, tpl, { ...base, name: r.name, unit: r.unit });
      parts.set(r.carrier, (parts.get(r.carrier) ?? 0) + segments * r.n);
    }
    return parts;
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
