import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { BIG_ID_MAX, Carrier, CARRIERS, ID_MAX, IsId } from '@loa/core';

export class CreateSubscriberDto {
  @ApiProperty({ example: '0912 345 678', description: 'Any usual shape; stored as 84XXXXXXXXX' })
  @IsString()
  @Length(1, 40)
  phone: string;

  @ApiPropertyOptional({ type: 'integer' }) @IsOptional() @IsId() unitId?: number;
  @ApiPropertyOptional({ description: 'At most 30 characters, GSM-7 once unaccented (else a 400)' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  name?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, unknown>;
}

export class UpdateSubscriberDto {
  @ApiPropertyOptional({ type: 'integer' }) @IsOptional() @IsId() unitId?: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'At most 30 characters, GSM-7 once unaccented' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  name?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, unknown>;
}

export class SubscriberFilterDto {
  @ApiPropertyOptional({ description: 'Any shape' }) @IsOptional() @IsString() phone?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'Unit subtree' })
  @IsOptional()
  @IsId()
  unitId?: number;

  @ApiPropertyOptional({ enum: CARRIERS }) @IsOptional() @IsIn(CARRIERS) carrier?: Carrier;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) tag?: string;
}

export class ListSubscribersQuery extends SubscriberFilterDto {
  @ApiPropertyOptional({ type: 'integer', description: 'Ids after this one (use nextAfter of the previous page)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(BIG_ID_MAX)
  after?: number;

  @ApiPropertyOptional({ type: 'integer', default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class ExportQuery {
  @ApiPropertyOptional({ type: 'integer', description: 'Unit subtree' })
  @IsOptional()
  @IsId()
  unitId?: number;

  @ApiPropertyOptional({ enum: CARRIERS }) @IsOptional() @IsIn(CARRIERS) carrier?: Carrier;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) tag?: string;
}

export class OptOutDto {
  @ApiProperty({ example: '+84 91 234 5678' }) @IsString() @Length(1, 40) phone: string;
}

export class DncBodyDto {
  @ApiPropertyOptional({ type: [String], description: 'Numbers in any shape (JSON body instead of a CSV upload)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100_000)
  @IsString({ each: true })
  phones?: string[];

  @ApiPropertyOptional({ example: 'national DNC 2020-08' }) @IsOptional() @IsString() @Length(1, 200) source?: string;
}

export class StartImportDto {
  @ApiPropertyOptional({ description: 'Unit code for rows without a unit_code' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  unitCode?: string;

  @ApiPropertyOptional({ description: 'Tags added to every row, separated by ";" or "|"' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  tags?: string;
}

export class ImportWaitQuery {
  @ApiPropertyOptional({ description: 'Answer when the import is done (small files, tests)' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  wait?: boolean;
}

export class RejectionsQuery {
  @ApiPropertyOptional({ type: 'integer', description: 'Lines after this one (nextAfter of the previous page)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(ID_MAX)
  after?: number;

  @ApiPropertyOptional({ type: 'integer', default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
