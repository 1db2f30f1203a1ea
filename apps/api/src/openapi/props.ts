import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, ApiResponse } from '@nestjs/swagger';

/**
 * Short forms of @ApiProperty for response DTOs, so a class reads like the JSON it documents. `Maybe*` are
 * nullable (present, possibly null); `Optional*` may be absent.
 */
type Options = ApiPropertyOptions & Record<string, unknown>;
const prop =
  (base: Options) =>
  (o: Options = {}) =>
    ApiProperty({ ...base, ...o } as ApiPropertyOptions);

export const Int = prop({ type: 'integer' });
export const MaybeInt = prop({ type: 'integer', nullable: true });
export const Num = prop({ type: 'number' });
export const MaybeNum = prop({ type: 'number', nullable: true });
export const Str = prop({ type: 'string' });
export const MaybeStr = prop({ type: 'string', nullable: true });
export const Bool = prop({ type: 'boolean' });
export const Instant = prop({ type: 'string', format: 'date-time' });
export const MaybeInstant = prop({ type: 'string', format: 'date-time', nullable: true });
export const Strs = prop({ type: [String] });
export const Enum = (values: readonly string[], o: Options = {}) =>
  ApiProperty({ enum: values, ...o } as ApiPropertyOptions);
/** An object whose keys are data (carrier → count, status → count). */
export const CountsBy = (o: Options = {}) =>
  ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, ...o } as ApiPropertyOptions);
/** Free-form JSON (attributes, audit details). */
export const Json = (o: Options = {}) =>
  ApiProperty({ type: 'object', additionalProperties: true, ...o } as ApiPropertyOptions);
export const OptionalInt = (o: Options = {}) => ApiPropertyOptional({ type: 'integer', ...o } as ApiPropertyOptions);

/** A CSV download. */
export const CsvResponse = (description: string) =>
  ApiResponse({ status: 200, description, content: { 'text/csv': { schema: { type: 'string' } } } });
