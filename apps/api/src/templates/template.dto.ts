import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { TEMPLATE_PLACEHOLDERS } from '@loa/templates';

const CHANNELS = ['sms', 'zns'] as const;
const PLACEHOLDER_LIST = TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');

export class CreateTemplateDto {
  @ApiProperty() @IsString() @Length(1, 200) name: string;

  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel: 'sms' | 'zns';

  @ApiPropertyOptional({
    description: `SMS text (required for sms), or a local copy of the approved ZNS content. Placeholders: ${PLACEHOLDER_LIST}; {{name|fallback}} renders "fallback" when the value is missing`,
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  body?: string;

  @ApiPropertyOptional({
    description: 'send without Vietnamese diacritics (GSM-7: 160 chars a segment)',
    default: true,
  })
  @IsOptional()
  @IsBoolean()
  unaccented?: boolean;

  @ApiPropertyOptional({ description: 'ZNS only: the template id Zalo issued' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'znsTemplateId must be 1-64 letters, digits, _ or -' })
  znsTemplateId?: string;

  @ApiPropertyOptional({
    description:
      'ZNS only: Zalo param name → template string with our placeholders, e.g. {"name": "{{name|Quý khách}}"}',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsObject()
  znsParams?: Record<string, string>;

  @ApiPropertyOptional({ type: 'integer', description: "owner unit; default: the key's unit", nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  unitId?: number | null;
}

export class UpdateTemplateDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS) channel?: 'sms' | 'zns';
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) body?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() unaccented?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'znsTemplateId must be 1-64 letters, digits, _ or -' })
  znsTemplateId?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsObject()
  znsParams?: Record<string, string>;
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  unitId?: number | null;
}

export class PreviewVarsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 200) unit?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 500) link?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 50) link_code?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 11) brandname?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 4) phone_last4?: string;
}

export class PreviewTemplateDto {
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel: 'sms' | 'zns';
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) body?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() unaccented?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'znsTemplateId must be 1-64 letters, digits, _ or -' })
  znsTemplateId?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsObject()
  znsParams?: Record<string, string>;
  @ApiPropertyOptional({ type: PreviewVarsDto, description: 'sample values; missing ones use built-in samples' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PreviewVarsDto)
  vars?: PreviewVarsDto;
}
