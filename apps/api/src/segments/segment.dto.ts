import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length, ValidateIf, ValidateNested } from 'class-validator';
import { IsId } from '@loa/core';
import { SegmentFilterDto } from './segment-filter.dto';

export class CreateSegmentDto {
  @ApiProperty() @IsString() @Length(1, 200) name: string;

  @ApiProperty({ type: SegmentFilterDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SegmentFilterDto)
  filter: SegmentFilterDto;

  @ApiPropertyOptional({
    type: 'integer',
    description: "owner unit; default: the key's unit. null = national (unscoped keys only)",
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsId()
  unitId?: number | null;
}

export class UpdateSegmentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;

  @ApiPropertyOptional({ type: SegmentFilterDto, description: 'replaces the whole filter' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SegmentFilterDto)
  filter?: SegmentFilterDto;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsId()
  unitId?: number | null;
}

export class CountFilterDto {
  @ApiProperty({ type: SegmentFilterDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SegmentFilterDto)
  filter: SegmentFilterDto;

  @ApiPropertyOptional({
    type: 'integer',
    description: "evaluate as if owned by this unit; default: the key's unit",
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsId()
  unitId?: number | null;
}
