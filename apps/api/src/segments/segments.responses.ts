import { ApiProperty } from '@nestjs/swagger';
import { CountsBy, Enum, Instant, Int, MaybeInt, MaybeStr, OptionalInt, Str } from '../openapi/props';
import { SegmentFilterDto } from './segment-filter.dto';

export class SegmentResponse {
  @Int() id: number;
  @Str() name: string;
  @MaybeInt({ description: 'Owner unit; null = national' }) unitId: number | null;
  @ApiProperty({ type: SegmentFilterDto }) filter: SegmentFilterDto;
  @Instant() createdAt: Date;
  @Instant() updatedAt: Date;
}

export class ExcludedCountsResponse {
  @Int({ description: 'Opted out (whether or not on the DNC list)' }) optedOut: number;
  @Int({ description: 'On the DNC list and not opted out' }) dnc: number;
}

export class UnitBucketResponse {
  @MaybeInt() unitId: number | null;
  @MaybeStr() code: string | null;
  @MaybeStr() name: string | null;
  @Int({ description: 'People in the unit’s whole subtree (the scope root’s own bucket: directly in it)' })
  count: number;
}

export class SegmentCountResponse {
  @OptionalInt({ description: 'The segment counted (GET /segments/{id}/count)' }) segmentId?: number;
  @Int({ description: 'The audience: matches the filter and the owner’s subtree, not suppressed' }) total: number;
  @Int({ description: 'Matched before suppression = total + excluded.optedOut + excluded.dnc' }) matched: number;
  @ApiProperty({ type: ExcludedCountsResponse }) excluded: ExcludedCountsResponse;
  @CountsBy({ description: 'carrier → people' }) byCarrier: Record<string, number>;
  @Enum(['filter-units', 'children-of-scope']) unitBreakdown: string;
  @ApiProperty({ type: [UnitBucketResponse] }) byUnit: UnitBucketResponse[];
}
