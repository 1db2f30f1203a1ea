import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Bool, Enum, Instant, Int, MaybeInt, MaybeStr, Str, Strs } from '../openapi/props';

export class SmsEstimateResponse {
  @Enum(['sms']) channel: 'sms';
  @Str({ description: 'The longest rendering itself (what was measured)' }) text: string;
  @Enum(['GSM-7', 'UCS-2']) encoding: string;
  @Int({ description: 'Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2)' })
  characters: number;
  @Int() segments: number;
  @Int({ description: '160/153 (GSM-7) or 70/67 (UCS-2), single vs concatenated' }) perSegment: number;
  @Strs({ description: 'The characters that force UCS-2' }) nonGsm: string[];
  @Strs() warnings: string[];
}

export class ZnsEstimateResponse {
  @Enum(['zns']) channel: 'zns';
  @Int() characters: number;
  @Int({ example: 400 }) limit: number;
  @Strs() warnings: string[];
}

const ESTIMATE = {
  oneOf: [{ $ref: getSchemaPath(SmsEstimateResponse) }, { $ref: getSchemaPath(ZnsEstimateResponse) }],
  discriminator: { propertyName: 'channel' },
};

export class SmsInfoResponse {
  @Enum(['GSM-7', 'UCS-2']) encoding: string;
  @Int() characters: number;
  @Int() segments: number;
  @Int() perSegment: number;
}

/** Gateway id → the template's registration there ({content} or {templateId, labelId?, text, params}). */
const REGISTRATIONS_RESPONSE_DOC = {
  type: 'object' as const,
  additionalProperties: { type: 'object' as const, additionalProperties: true },
  description: 'Gateway id → what the template is registered as there (docs/templates.md, "Registrations")',
};

@ApiExtraModels(SmsEstimateResponse, ZnsEstimateResponse)
export class TemplateResponse {
  @Int() id: number;
  @Str() name: string;
  @Enum(['sms', 'zns']) channel: string;
  @MaybeStr() body: string | null;
  @Bool() unaccented: boolean;
  @MaybeStr() znsTemplateId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  znsParams: Record<string, string> | null;
  @MaybeInt() unitId: number | null;
  @ApiProperty(REGISTRATIONS_RESPONSE_DOC) registrations: Record<string, unknown>;
  @Instant() createdAt: Date;
  @Instant() updatedAt: Date;
}

@ApiExtraModels(SmsEstimateResponse, ZnsEstimateResponse)
export class TemplateWithEstimateResponse extends TemplateResponse {
  @ApiProperty({ ...ESTIMATE, description: 'Its longest rendering: what the costliest recipient costs' })
  longest: SmsEstimateResponse | ZnsEstimateResponse;
  @Strs({ description: 'Registrations that do not match the rendering (reported, not refused, on save)' })
  registrationProblems: string[];
}

@ApiExtraModels(SmsEstimateResponse, ZnsEstimateResponse)
export class TemplatePreviewResponse {
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }],
    description: 'SMS: the text; ZNS: the params, rendered with the sample values',
  })
  sample: string | Record<string, string>;
  @ApiProperty({ type: SmsInfoResponse, nullable: true }) sampleInfo: SmsInfoResponse | null;
  @ApiProperty(ESTIMATE) longest: SmsEstimateResponse | ZnsEstimateResponse;
  @Strs() warnings: string[];
  @Strs({ description: 'Registrations that do not match the rendering' }) registrationProblems: string[];
}
