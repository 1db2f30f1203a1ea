/** Campaign lifecycle states (the CHECK constraint in the Campaigns migration lists the same). */
export type CampaignStatus = 'draft' | 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled';
export type RunStatus = 'pending' | 'fanning_out' | 'dispatching' | 'completed' | 'skipped' | 'cancelled';
export type ChannelKind = 'sms' | 'zns';

/** One step of the channel chain, tried in order: e.g. Zalo first, SMS as fallback. */
export interface ChannelStep {
  channel: ChannelKind;
  templateId: number;
}

/** Why a person the segment matches gets no delivery, in the fixed precedence order used for counting. */
export const EXCLUSION_REASONS = ['opted_out', 'dnc', 'installed', 'clicked', 'frequency_cap'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];
export type ExclusionCounts = Record<ExclusionReason, number>;

export const emptyExclusions = (): ExclusionCounts =>
  Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as ExclusionCounts;

/** A campaign as stored (camelCase view of the `campaigns` row). */
export interface Campaign {
  id: number;
  name: string;
  unitId: number | null;
  segmentId: number;
  status: CampaignStatus;
  brandname: string;
  channels: ChannelStep[];
  scheduleCron: string | null;
  runAt: Date | null;
  startsAt: Date | null;
  endsAt: Date | null;
  timezone: string;
  windowStartMinute: number;
  windowEndMinute: number;
  frequencyCap: number;
  capWindowHours: number;
  stopOnClick: boolean;
  stopOnInstall: boolean;
  validityHours: number;
  targetUrl: string;
  targetAndroid: string | null;
  targetIos: string | null;
  nextFireAt: Date | null;
  lastFireAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a caller may set on a campaign (create: all required fields; patch: any subset). */
export interface CampaignInput {
  name: string;
  unitId?: number | null;
  segmentId: number;
  brandname: string;
  channels: ChannelStep[];
  scheduleCron?: string | null;
  runAt?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  windowStart?: string;
  windowEnd?: string;
  frequencyCap?: number;
  capWindowHours?: number;
  stopOnClick?: boolean;
  stopOnInstall?: boolean;
  validityHours?: number;
  targetUrl?: string;
  targetAndroid?: string | null;
  targetIos?: string | null;
}

export interface CampaignRun {
  id: string;
  campaignId: number;
  fireTime: Date;
  status: RunStatus;
  expiresAt: Date;
  targeted: number;
  excluded: Partial<ExclusionCounts>;
  note: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Deliveries of the run by status (only on single-run reads). */
  deliveries?: Record<string, number>;
}
