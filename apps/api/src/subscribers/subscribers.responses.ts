import { ApiProperty } from '@nestjs/swagger';
import { CARRIERS } from '@loa/core';
import {
  Bool,
  Enum,
  Instant,
  Int,
  Json,
  MaybeInstant,
  MaybeInt,
  MaybeStr,
  Num,
  OptionalInt,
  Str,
  Strs,
} from '../openapi/props';

export class SubscriberResponse {
  @Int() id: number;
  @Str({ example: '84912345678' }) phone: string;
  @Enum(CARRIERS) carrier: string;
  @Enum(['prefix', 'override', 'report']) carrierSource: string;
  @MaybeInt() unitId: number | null;
  @MaybeStr({ description: 'At most 30 characters, GSM-7 once unaccented' }) name: string | null;
  @Strs() tags: string[];
  @Json() attributes: Record<string, unknown>;
  @MaybeInstant() optedOutAt: Date | null;
  @MaybeInstant() installedAt: Date | null;
  @MaybeInstant() lastClickedAt: Date | null;
  @Instant() createdAt: Date;
  @Instant() updatedAt: Date;
}

export class SubscriberPageResponse {
  @ApiProperty({ type: [SubscriberResponse] }) items: SubscriberResponse[];
  @MaybeInt({ description: 'Pass as ?after= for the next page; null on the last' }) nextAfter: number | null;
}

export class DeletedResponse {
  @Int() deleted: number;
}

export class OptOutResponse {
  @Str() phone: string;
  @Bool({ description: 'A subscriber was opted out' }) subscriber: boolean;
  @Bool({ description: 'The number was put on the DNC list (not a subscriber)' }) dnc: boolean;
}

export class ImportStartedResponse {
  @Int() id: number;
  @Enum(['pending']) status: string;
  @Str({ example: '/api/v1/imports/7' }) href: string;
}

export class ImportResponse {
  @Int() id: number;
  @Str({ example: 'subscribers' }) kind: string;
  @Enum(['pending', 'running', 'completed', 'failed', 'cancelled']) status: string;
  @MaybeStr() filename: string | null;
  @MaybeInt() unitId: number | null;
  @MaybeInt() apiKeyId: number | null;
  @Int({ description: 'Data rows read so far (all of them once completed)' }) rowsTotal: number;
  @Int() rowsAccepted: number;
  @Int() rowsRejected: number;
  @Int() inserted: number;
  @Int() updated: number;
  @Num({ description: '0…1: share of the file read; 1 when completed' }) progress: number;
  @MaybeStr() error: string | null;
  @Instant() createdAt: Date;
  @MaybeInstant() startedAt: Date | null;
  @MaybeInstant() finishedAt: Date | null;
}

export class RejectionResponse {
  @Int({ description: 'Line in the file (the header is line 1)' }) line: number;
  @MaybeStr() raw: string | null;
  @Str() reason: string;
}

export class RejectionPageResponse {
  @ApiProperty({ type: [RejectionResponse] }) items: RejectionResponse[];
  @MaybeInt({ description: 'Pass as ?after= for the next page; null on the last' }) nextAfter: number | null;
}

export class ListUploadResponse {
  @Int() rows: number;
  @Int() added: number;
  @Int({ description: 'Already listed with the same value' }) unchanged: number;
  @OptionalInt({ description: 'Subscribers whose carrier changed (carrier overrides only)' })
  subscribersUpdated?: number;
  @Int() rejectedCount: number;
  @ApiProperty({ type: [RejectionResponse], description: 'The first 1,000 rejected rows' })
  rejected: RejectionResponse[];
}

export class DncRemovedResponse {
  @Str() removed: string;
}
