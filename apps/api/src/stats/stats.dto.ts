import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { GROUP_BYS, GroupBy } from '@loa/stats';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class StatsQueryDto {
  @IsIn(GROUP_BYS) groupBy: GroupBy;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) campaignId?: number;
  @IsOptional() @Matches(/^\d+$/, { message: 'runId must be a run id (digits)' }) runId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) unitId?: number;
  @IsOptional() @IsIn(['sms', 'zns', 'none']) channel?: string;
  @IsOptional() @IsString() carrier?: string;
  /** First local day (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
  @IsOptional() @Matches(DAY, { message: 'from must be YYYY-MM-DD' }) from?: string;
  /** Last local day, inclusive. */
  @IsOptional() @Matches(DAY, { message: 'to must be YYYY-MM-DD' }) to?: string;
}

export class ProgressQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) unitId?: number;
  @Matches(DAY, { message: 'from must be YYYY-MM-DD' }) from: string;
  @Matches(DAY, { message: 'to must be YYYY-MM-DD' }) to: string;
}

export class RunQueryDto {
  @Matches(/^\d+$/, { message: 'runId must be a run id (digits)' }) runId: string;
}
