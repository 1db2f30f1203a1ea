import { ApiProperty } from '@nestjs/swagger';
import { CountsBy, Int, MaybeInstant, MaybeInt, MaybeNum, Num, Str } from '../openapi/props';

export class StatsRowResponse {
  @Str({ description: 'The group: campaign id, run id, channel, carrier, unit id or YYYY-MM-DD' }) key: string;
  @Str() label: string;
  @Int() targeted: number;
  @Int({ description: 'Accepted by a gateway' }) sent: number;
  @Int() delivered: number;
  @Int() failed: number;
  @Int() expired: number;
  @Int({ description: 'People who clicked (bots not counted)' }) clicked: number;
  @Int() botClicks: number;
  @Int() installed: number;
  @Num({ description: 'Đồng, for what the gateways accepted' }) cost: number;
  @CountsBy({ description: 'failure reason → deliveries' }) failures: Record<string, number>;
  @MaybeNum({ description: 'delivered / sent' }) deliveryRate: number | null;
  @MaybeNum({ description: 'clicked / delivered' }) clickThrough: number | null;
  @MaybeNum({ description: 'installed / delivered' }) conversion: number | null;
  @MaybeNum() latencyP50S: number | null;
  @MaybeNum() latencyP95S: number | null;
}

export class CountsResponse {
  @Int() targeted: number;
  @Int({ description: 'Accepted by a gateway' }) sent: number;
  @Int() delivered: number;
  @Int() failed: number;
  @Int() expired: number;
  @Int() clicked: number;
  @Int() installed: number;
}

export class RunCountsResponse extends CountsResponse {
  @Str({ description: 'Run id (digits)' }) id: string;
  @Str() status: string;
}

export class CampaignTotalsResponse extends CountsResponse {
  @Int() id: number;
  @Str() name: string;
  @Str() status: string;
  @MaybeInt({ description: 'null: a national campaign' }) unitId: number | null;
  @MaybeInstant() nextFireAt: Date | null;
  @MaybeInstant() lastFireAt: Date | null;
  @ApiProperty({ type: RunCountsResponse, nullable: true, description: 'Its latest run (the live bar)' })
  lastRun: RunCountsResponse | null;
}

export class StatsOverviewResponse {
  @ApiProperty({ type: [CampaignTotalsResponse] }) campaigns: CampaignTotalsResponse[];
  @ApiProperty({ type: CountsResponse, description: 'The sum of `campaigns`' }) totals: CountsResponse;
}

export class LiveRunResponse {
  @Str() runId: string;
  @Str() status: string;
  @CountsBy({ description: 'delivery status → deliveries, counted now' }) counts: Record<string, number>;
}

export class ProgressRowResponse {
  @Int() unitId: number;
  @Str() code: string;
  @Str() name: string;
  @Str() level: string;
  @Int() depth: number;
  @MaybeInt() parentId: number | null;
  @Int() targeted: number;
  @Int() sent: number;
  @Int() delivered: number;
  @Int() clicked: number;
  @Int() installed: number;
}
