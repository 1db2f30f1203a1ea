import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { CARRIERS, IsId, IsIdString, IsVnDay } from '@loa/core';
import { GROUP_BYS, GroupBy } from '@loa/stats';

const DAY_DOC = { type: String, format: 'date', example: '2026-12-02' } as const;

export class StatsQueryDto {
  @ApiProperty({
    enum: GROUP_BYS,
    description: 'unit: the children of unitId (or of your unit), each with its subtree',
  })
  @IsIn(GROUP_BYS)
  groupBy: GroupBy;

  @ApiPropertyOptional({ type: 'integer' }) @IsOptional() @IsId() campaignId?: number;

  @ApiPropertyOptional({ type: String, pattern: '^\\d+$', description: 'A run id (digits)' })
  @IsOptional()
  @IsIdString()
  runId?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'A unit subtree within yours' })
  @IsOptional()
  @IsId()
  unitId?: number;

  @ApiPropertyOptional({ enum: ['sms', 'zns', 'none'] }) @IsOptional() @IsIn(['sms', 'zns', 'none']) channel?: string;
  @ApiPropertyOptional({ enum: CARRIERS }) @IsOptional() @IsString() carrier?: string;

  @ApiPropertyOptional({ ...DAY_DOC, description: 'First Vietnam date (Asia/Ho_Chi_Minh), YYYY-MM-DD' })
  @IsOptional()
  @IsVnDay()
  from?: string;

  @ApiPropertyOptional({ ...DAY_DOC, description: 'Last Vietnam date, inclusive' })
  @IsOptional()
  @IsVnDay()
  to?: string;
}

export class ProgressQueryDto {
  @ApiProperty({ ...DAY_DOC, description: 'First Vietnam date (Asia/Ho_Chi_Minh), YYYY-MM-DD' })
  @IsVnDay()
  from: string;

  @ApiProperty({ ...DAY_DOC, description: 'Last Vietnam date, inclusive' })
  @IsVnDay()
  to: string;

  @ApiPropertyOptional({ type: 'integer', description: 'The unit whose subtree is reported; default: yours' })
  @IsOptional()
  @IsId()
  unitId?: number;
}

export class RunQueryDto {
  @ApiProperty({ type: String, pattern: '^\\d+$', description: 'A run id (digits)' })
  @IsIdString()
  runId: string;
}
