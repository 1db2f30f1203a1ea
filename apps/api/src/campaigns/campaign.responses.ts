import { ApiProperty } from '@nestjs/swagger';
import { EXCLUSION_REASONS } from '@loa/campaigns';
import { Bool, CountsBy, Enum, Instant, Int, MaybeInstant, MaybeInt, MaybeStr, Num, Str, Strs } from '../openapi/props';

const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled'];
const RUN_STATUSES = ['pending', 'fanning_out', 'dispatching', 'completed', 'skipped', 'cancelled'];

export class ChannelStepResponse {
  @Enum(['sms', 'zns']) channel: string;
  @Int() templateId: number;
}

export class CampaignResponse {
  @Int() id: number;
  @Str() name: string;
  @MaybeInt({ description: 'Owning unit; null = national' }) unitId: number | null;
  @Int() segmentId: number;
  @Enum(CAMPAIGN_STATUSES) status: string;
  @Str() brandname: string;
  @ApiProperty({ type: [ChannelStepResponse] }) channels: ChannelStepResponse[];
  @MaybeStr({ example: '0 9 * * *' }) scheduleCron: string | null;
  @MaybeInstant({ description: 'One-off fire time' }) runAt: Date | null;
  @MaybeInstant() startsAt: Date | null;
  @MaybeInstant() endsAt: Date | null;
  @Str({ example: 'Asia/Ho_Chi_Minh' }) timezone: string;
  @Int({ description: 'Sending window start, minutes after local midnight' }) windowStartMinute: number;
  @Int({ description: 'Sending window end, minutes after local midnight' }) windowEndMinute: number;
  @Int() frequencyCap: number;
  @Int() capWindowHours: number;
  @Bool() stopOnClick: boolean;
  @Bool() stopOnInstall: boolean;
  @Int() validityHours: number;
  @Str() targetUrl: string;
  @MaybeStr() targetAndroid: string | null;
  @MaybeStr() targetIos: string | null;
  @MaybeInstant() nextFireAt: Date | null;
  @MaybeInstant() lastFireAt: Date | null;
  @Instant() createdAt: Date;
  @Instant() updatedAt: Date;
}

export class RunResponse {
  @Str({ description: 'Run id (digits)' }) id: string;
  @Int() campaignId: number;
  @Instant() fireTime: Date;
  @Enum(RUN_STATUSES) status: string;
  @Instant() expiresAt: Date;
  @Int() targeted: number;
  @CountsBy({ description: `reason (${EXCLUSION_REASONS.join(', ')}) → people left out` })
  excluded: Record<string, number>;
  @MaybeStr() note: string | null;
  @Instant() createdAt: Date;
  @MaybeInstant() startedAt: Date | null;
  @MaybeInstant() finishedAt: Date | null;
  @CountsBy({ required: false, description: 'Deliveries by status (GET /runs/{id} only)' })
  deliveries?: Record<string, number>;
}

export class HoldResponse {
  @Int() campaignId: number;
  @Str() gatewayId: string;
  @Str({ description: 'The gateway’s own code' }) code: string;
  @Str({ description: 'The gateway’s answer' }) text: string;
  @Instant() createdAt: Date;
}

export class HoldLiftedResponse {
  @ApiProperty({ type: HoldResponse }) lifted: HoldResponse;
  @Int({ description: 'Open runs handed to dispatch again' }) redispatchedRuns: number;
}

export class UnitReachResponse {
  @MaybeInt() unitId: number | null;
  @Int() count: number;
}

export class ReachResponse {
  @Int() total: number;
  @CountsBy({ description: 'carrier → people' }) byCarrier: Record<string, number>;
  @ApiProperty({ type: [UnitReachResponse] }) byUnit: UnitReachResponse[];
}

export class ExclusionsResponse {
  @Int() total: number;
  @CountsBy({ description: 'reason → people' }) byReason: Record<string, number>;
  @ApiProperty({ enum: EXCLUSION_REASONS, isArray: true, description: 'Precedence of the reasons' }) order: string[];
}

export class SmsSizeResponse {
  @Int() segments: number;
  @Str({ example: 'GSM-7' }) encoding: string;
  @Int() characters: number;
  @Strs() warnings: string[];
}

export class ZnsTemplateRefResponse {
  @Int() templateId: number;
}

export class PreviewMessageResponse {
  @ApiProperty({ type: SmsSizeResponse, nullable: true }) sms: SmsSizeResponse | null;
  @ApiProperty({ type: ZnsTemplateRefResponse, nullable: true }) zns: ZnsTemplateRefResponse | null;
}

export class CarrierCostResponse {
  @Str() carrier: string;
  @Int() recipients: number;
  @MaybeStr({ description: 'First-choice gateway (what the estimate assumes)' }) gatewayId: string | null;
  @Strs({ description: 'Every gateway that may carry it (failover)' }) gatewayIds: string[];
  @Num({ description: 'Recipients expected to get an SMS (all, or the fallback share behind Zalo)' })
  smsRecipients: number;
  @Int() segments: number;
  @Num() pricePerSegment: number;
  @Num() cost: number;
}

export class ZnsCostResponse {
  @Int() recipients: number;
  @Num() pricePerMessage: number;
  @Num() cost: number;
}

export class CostResponse {
  @Enum(['VND']) currency: string;
  @Num() total: number;
  @ApiProperty({ type: [CarrierCostResponse] }) sms: CarrierCostResponse[];
  @ApiProperty({ type: ZnsCostResponse, nullable: true }) zns: ZnsCostResponse | null;
  @Strs() assumptions: string[];
}

export class WindowResponse {
  @Str({ example: '07:00' }) start: string;
  @Str({ example: '22:00' }) end: string;
}

export class GatewayLoadResponse {
  @Str() gatewayId: string;
  @Num() messages: number;
  @Int() ratePerSecond: number;
}

export class DurationResponse {
  @Instant() startsAt: Date;
  @Num() sendingSeconds: number;
  @Instant() finishesAt: Date;
  @Num() wallSeconds: number;
  @ApiProperty({ type: WindowResponse }) window: WindowResponse;
  @Bool() withinValidity: boolean;
  @ApiProperty({ type: [GatewayLoadResponse] }) gateways: GatewayLoadResponse[];
}

export class PreviewResponse {
  @Instant() at: Date;
  @ApiProperty({ type: ReachResponse }) reach: ReachResponse;
  @Int() matched: number;
  @ApiProperty({ type: ExclusionsResponse }) excluded: ExclusionsResponse;
  @ApiProperty({ type: PreviewMessageResponse }) message: PreviewMessageResponse;
  @ApiProperty({ type: CostResponse }) cost: CostResponse;
  @ApiProperty({ type: DurationResponse }) duration: DurationResponse;
  @Strs() warnings: string[];
  @Strs({ description: 'Gateways where a template is not registered or does not match: scheduling is refused' })
  registrationProblems: string[];
}
