import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { BIG_ID_MAX, IsId, IsIdString, IsInstant } from '@loa/core';
import { BRANDNAME_RE, ChannelKind, MAX_VALIDITY_HOURS } from '@loa/campaigns';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class ChannelStepDto {
  @ApiProperty({ enum: ['sms', 'zns'] }) @IsIn(['sms', 'zns']) channel: ChannelKind;
  @ApiProperty({ type: 'integer' }) @IsId() templateId: number;
}

export class CreateCampaignDto {
  @ApiProperty() @IsString() @Length(1, 200) name: string;
  @ApiPropertyOptional({ type: 'integer', description: "Owning unit; defaults to the key's unit" })
  @IsOptional()
  @IsId()
  unitId?: number;
  @ApiProperty({ type: 'integer' }) @IsId() segmentId: number;
  @ApiProperty({ example: 'SO TTTT', description: '1–11 of A–Z a–z 0–9 space . _ -' })
  @Matches(BRANDNAME_RE, { message: 'brandname must be 1–11 characters of A–Z a–z 0–9 space . _ -' })
  brandname: string;
  @ApiProperty({ type: [ChannelStepDto], description: 'Tried in order, e.g. Zalo first and SMS as fallback' })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ChannelStepDto)
  channels: ChannelStepDto[];
  @ApiPropertyOptional({ example: '0 9 * * *', description: '5-field cron, Asia/Ho_Chi_Minh' })
  @IsOptional()
  @IsString()
  scheduleCron?: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'One-off fire time (instead of scheduleCron)',
  })
  @IsOptional()
  @IsInstant()
  runAt?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) @IsOptional() @IsInstant() startsAt?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) @IsOptional() @IsInstant() endsAt?: string;
  @ApiPropertyOptional({ example: '07:00' })
  @IsOptional()
  @Matches(HHMM, { message: 'must be HH:MM' })
  windowStart?: string;
  @ApiPropertyOptional({ example: '22:00' })
  @IsOptional()
  @Matches(HHMM, { message: 'must be HH:MM' })
  windowEnd?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'Messages per person per cap window, across all campaigns' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  frequencyCap?: number;
  @ApiPropertyOptional({ type: 'integer' }) @IsOptional() @IsInt() @Min(1) @Max(720) capWindowHours?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() stopOnClick?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() stopOnInstall?: boolean;
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VALIDITY_HOURS)
  validityHours?: number;
  @ApiPropertyOptional() @IsOptional() @IsUrl({ require_protocol: true }) targetUrl?: string;
  @ApiPropertyOptional() @IsOptional() @IsUrl({ require_protocol: true }) targetAndroid?: string;
  @ApiPropertyOptional() @IsOptional() @IsUrl({ require_protocol: true }) targetIos?: string;
}

export class UpdateCampaignDto extends PartialType(CreateCampaignDto) {}

const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled'];

export class ListCampaignsQueryDto {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES }) @IsOptional() @IsIn(CAMPAIGN_STATUSES) status?: string;
  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(BIG_ID_MAX)
  offset?: number;
}

export class ListRunsQueryDto {
  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
  @ApiPropertyOptional({ type: String, pattern: '^\\d+$', description: 'Runs before this run id (the last of a page)' })
  @IsOptional()
  @IsIdString()
  before?: string;
}
