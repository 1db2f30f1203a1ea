import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { CARRIERS } from '@loa/core';
import { GROUP_BYS, GroupBy } from '@loa/stats';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_DOC = { type: String, format: 'date', example: '2026-12-02' } as const;

export class StatsQueryDto {
  @ApiProperty({
    enum: GROUP_BYS,
    description: 'unit: the children of unitId (or of your unit), each with its subtree',
  })
  @IsIn(GROUP_BYS)
  groupBy: GroupBy;

  @ApiPropertyOptional({ type: 'integer' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) campaignId?: number;

  @ApiPropertyOptional({ type: String, pattern: '^\\d+$', description: 'A run id (digits)' })
  @IsOptional()
  @Matches(/^\d+$/, { message: 'runId must be a run id (digits)' })
  runId?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'A unit subtree within yours' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId?: number;

  @ApiPropertyOptional({ enum: ['sms', 'zns', 'none'] }) @IsOptional() @IsIn(['sms', 'zns', 'none']) channel?: string;
  @ApiPropertyOptional({ enum: CARRIERS }) @IsOptional() @IsString() carrier?: string;

  @ApiPropertyOptional({ ...DAY_DOC, description: 'First Vietnam date (Asia/Ho_Chi_Minh), YYYY-MM-DD' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ ...DAY_DOC, description: 'Last Vietnam date, inclusive' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be YYYY-MM-DD' })
  to?: string;
}

export class ProgressQueryDto {
  @ApiProperty({ ...DAY_DOC, description: 'First Vietnam date (Asia/Ho_Chi_Minh), YYYY-MM-DD' })
  @Matches(DAY, { message: 'from must be YYYY-MM-DD' })
  from: string;

  @ApiProperty({ ...DAY_DOC, description: 'Last Vietnam date, inclusive' })
  @Matches(DAY, { message: 'to must be YYYY-MM-DD' })
  to: string;

  @ApiPropertyOptional({ type: 'integer', description: 'The unit whose subtree is reported; default: yours' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId?: number;
}

export class RunQueryDto {
  @ApiProperty({ type: String, pattern: '^\\d+$', description: 'A run id (digits)' })
  @Matches(/^\d+$/, { message: 'runId must be a run id (digits)' })
  runId: string;
}
