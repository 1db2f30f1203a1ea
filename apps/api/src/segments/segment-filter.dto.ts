import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Carrier, CARRIERS, IsId } from '@loa/core';

const MAX_DAYS = 3650;

export class TagsFilterDto {
  @ApiPropertyOptional({ type: [String], description: 'people with at least one of these tags' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  any?: string[];

  @ApiPropertyOptional({ type: [String], description: 'people with every one of these tags' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  all?: string[];

  @ApiPropertyOptional({ type: [String], description: 'people with none of these tags' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  none?: string[];
}

/** Every field narrows; omit a field to not filter on it. Opted-out and DNC numbers are always excluded. */
export class SegmentFilterDto {
  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    description: 'unit subtrees (a unit and everything below it)',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(1000)
  @IsId({ each: true })
  unitIds?: number[];

  @ApiPropertyOptional({ enum: CARRIERS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(CARRIERS, { each: true, message: `each value in carriers must be one of: ${CARRIERS.join(', ')}` })
  carriers?: Carrier[];

  @ApiPropertyOptional({ type: TagsFilterDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TagsFilterDto)
  tags?: TagsFilterDto;

  @ApiPropertyOptional({ description: 'true: only people who installed Bluezone; false: only those who have not' })
  @IsOptional()
  @IsBoolean()
  installed?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'clicked a Loa link within the last N days',
    minimum: 1,
    maximum: MAX_DAYS,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DAYS)
  clickedWithinDays?: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'did not click within the last N days (or never)',
    minimum: 1,
    maximum: MAX_DAYS,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DAYS)
  notClickedWithinDays?: number;
}
