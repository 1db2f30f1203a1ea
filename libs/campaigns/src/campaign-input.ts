import { AppConfig } from '@loa/core';
import { Campaign, CampaignInput } from './campaign.types';
import { CampaignFields } from './campaigns.repository';
import { cronProblems, formatHhmm, parseHhmm } from './schedule';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Sender ids: 1–11 of letters, digits, space, dot, underscore, dash (carrier brandname rules). */
export const BRANDNAME_RE = /^[A-Za-z0-9 ._-]{1,11}$/;
export const MAX_VALIDITY_HOURS = 72;

/** The input a stored campaign corresponds to: PATCH merges into this, then validates the whole. */
export function campaignToInput(c: Campaign): CampaignInput {
  return {
    name: c.name,
    unitId: c.unitId,
    segmentId: c.segmentId,
    brandname: c.brandname,
    channels: c.channels,
    scheduleCron: c.scheduleCron,
    runAt: c.runAt?.toISOString() ?? null,
    startsAt: c.startsAt?.toISOString() ?? null,
    endsAt: c.endsAt?.toISOString() ?? null,
    windowStart: formatHhmm(c.windowStartMinute),
    windowEnd: formatHhmm(c.windowEndMinute),
    frequencyCap: c.frequencyCap,
    capWindowHours: c.capWindowHours,
    stopOnClick: c.stopOnClick,
    stopOnInstall: c.stopOnInstall,
    validityHours: c.validityHours,
    targetUrl: c.targetUrl,
    targetAndroid: c.targetAndroid,
    targetIos: c.targetIos,
  };
}

function date(v: string | null | undefined, field: string, out: FieldProblem[]): Date | null {
  if (v === null || v === undefined) return null;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) out.push({ field, problems: ['must be an ISO 8601 date-time'] });
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * What is wrong with a campaign link target, or null: an absolute https URL without user name or password, on one of
 * the allowed hosts (exactly: "bluezone.gov.vn.evil.example" and "xn--…" look-alikes are other hosts).
 */
export function targetUrlProblem(url: string, allowedHosts: readonly string[]): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (u.protocol !== 'https:') return 'must be an https:// URL';
  if (u.username || u.password) return 'must not carry a user name or password';
  if (!allowedHosts.includes(u.hostname)) {
    return `host "${u.hostname}" is not one of the allowed hosts (${allowedHosts.join(', ')}): a national admin adds hosts in campaignDefaults.allowedTargetHosts`;
  }
  return null;
}

/**
 * Cross-field rules the DTO cannot express, and defaults from `cfg.campaignDefaults`. Returns the fields to
 * store, or the full list of problems (each naming its field) — never some of each.
 */
export function resolveCampaignInput(
  i: CampaignInput,
  defaults: AppConfig['campaignDefaults'],
): { fields: CampaignFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const add = (field: string, problem: string) => problems.push({ field, problems: [problem] });

  if (!BRANDNAME_RE.test(i.brandname ?? '')) add('brandname', '1–11 characters of A–Z a–z 0–9 space . _ -');
  if (!i.channels?.length) add('channels', 'at least one channel is needed');
  const seen = new Set<string>();
  i.channels?.forEach((s, n) => {
    if (seen.has(s.channel)) add(`channels[${n}].channel`, `channel ${s.channel} is listed twice`);
    seen.add(s.channel);
  });

  const hasCron = !!i.scheduleCron;
  const hasRunAt = !!i.runAt;
  if (hasCron === hasRunAt) add('scheduleCron', 'give exactly one of scheduleCron (recurring) or runAt (one-off)');
  if (hasCron) for (const p of cronProblems(i.scheduleCron!)) add('scheduleCron', p);
  const runAt = date(i.runAt, 'runAt', problems);
  const startsAt = date(i.startsAt, 'startsAt', problems);
  const endsAt = date(i.endsAt, 'endsAt', problems);
  if (startsAt && endsAt && startsAt >= endsAt) add('endsAt', 'must be after startsAt');
  if (runAt && ((startsAt && runAt < startsAt) || (endsAt && runAt > endsAt))) {
    add('runAt', 'must lie between startsAt and endsAt');
  }

  const windowStart = parseHhmm(i.windowStart ?? defaults.windowStart);
  const windowEnd = parseHhmm(i.windowEnd ?? defaults.windowEnd);
  if (windowStart === null) add('windowStart', 'must be HH:MM');
  if (windowEnd === null) add('windowEnd', 'must be HH:MM');
  if (windowStart !== null && windowEnd !== null && windowStart >= windowEnd) {
    add('windowEnd', 'the sending window must end after it starts (same day, Asia/Ho_Chi_Minh)');
  }
  const validityHours = i.validityHours ?? defaults.validityHours;
  if (validityHours > MAX_VALIDITY_HOURS) add('validityHours', `at most ${MAX_VALIDITY_HOURS}`);
  const hosts = [...(defaults.allowedTargetHosts ?? []), new URL(defaults.targetUrl).hostname];
  for (const field of ['targetUrl', 'targetAndroid', 'targetIos'] as const) {
    const url = i[field];
    const problem = url ? targetUrlProblem(url, hosts) : null;
    if (problem) add(field, problem);
  }

  return {
    problems,
    fields: {
      name: i.name,
      unitId: i.unitId ?? null,
      segmentId: i.segmentId,
      brandname: i.brandname,
      channels: (i.channels ?? []).map((s) => ({ channel: s.channel, templateId: s.templateId })),
      scheduleCron: hasCron ? i.scheduleCron!.trim() : null,
      runAt,
      startsAt,
      endsAt,
      windowStartMinute: windowStart ?? 0,
      windowEndMinute: windowEnd ?? 0,
      frequencyCap: i.frequencyCap ?? defaults.frequencyCap,
      capWindowHours: i.capWindowHours ?? defaults.capWindowHours,
      stopOnClick: i.stopOnClick ?? true,
      stopOnInstall: i.stopOnInstall ?? true,
      validityHours,
      targetUrl: i.targetUrl ?? defaults.targetUrl,
      targetAndroid: i.targetAndroid ?? null,
      targetIos: i.targetIos ?? null,
    },
  };
}
