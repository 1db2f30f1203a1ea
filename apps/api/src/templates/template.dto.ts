import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsId } from '@loa/core';
import { TEMPLATE_PLACEHOLDERS, TemplateRegistrations } from '@loa/templates';

const CHANNELS = ['sms', 'zns'] as const;
const PLACEHOLDER_LIST = TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');

/** Documentation only: the shape depends on the gateway's protocol, so the service validates it (400 per field). */
export class ContentRegistrationDto {
  @ApiProperty({
    description:
      'Viettel (viettel-soap), eSMS (esms-json): the content registered with the carrier, variable parts as {1}, {2}… ' +
      '(each ≥ 1 character); the rendering must match it exactly',
    example: 'So TTTT Thai Binh: De nghi cai dat ung dung Bluezone (khau trang dien tu) phong COVID-19 tai {1}',
  })
  content: string;
}

export class ParamTemplateRegistrationDto {
  @ApiProperty({ description: 'VNPT (vnpt-json): TEMPLATEID of the registered template', example: '3001' })
  templateId: string;

  @ApiPropertyOptional({
    description: "LABELID (brandname) when not the gateway's configured labelId",
    example: '1001',
  })
  labelId?: string;

  @ApiProperty({
    description: 'the registered text, slots {1}, {2}… numbered without gaps; filled, it must equal the rendering',
    example: 'So TTTT Thai Binh: De nghi cai dat ung dung Bluezone (khau trang dien tu) phong COVID-19 tai {1}',
  })
  text: string;

  @ApiProperty({
    description: `slot number → Loa template expression (${PLACEHOLDER_LIST}) filling it: exactly the text's slots`,
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { '1': '{{link}}' },
  })
  params: Record<string, string>;
}

const REGISTRATIONS_DOC = {
  description:
    'SMS only: configured gateway id → what this template is registered as there (docs/templates.md, ' +
    '"Registrations"). Scheduling a campaign is refused unless the template is registered, matching, at every ' +
    "gateway its audience's carriers route to. Replaces the whole map when given.",
  type: 'object' as const,
  additionalProperties: {
    oneOf: [{ $ref: getSchemaPath(ContentRegistrationDto) }, { $ref: getSchemaPath(ParamTemplateRegistrationDto) }],
  },
  example: {
    viettel: { content: 'Cai Bluezone tai {1}' },
    vnpt: { templateId: '3001', text: 'Cai Bluezone tai {1}', params: { '1': '{{link}}' } },
  },
};

@ApiExtraModels(ContentRegistrationDto, ParamTemplateRegistrationDto)
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

  @ApiPropertyOptional(REGISTRATIONS_DOC)
  @IsOptional()
  @IsObject()
  registrations?: TemplateRegistrations;

  @ApiPropertyOptional({ type: 'integer', description: "owner unit; default: the key's unit", nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsId()
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
  @ApiPropertyOptional(REGISTRATIONS_DOC) @IsOptional() @IsObject() registrations?: TemplateRegistrations;
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsId()
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
  @ApiPropertyOptional(REGISTRATIONS_DOC) @IsOptional() @IsObject() registrations?: TemplateRegistrations;
  @ApiPropertyOptional({ type: PreviewVarsDto, description: 'sample values; missing ones use built-in samples' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PreviewVarsDto)
  vars?: PreviewVarsDto;
}
