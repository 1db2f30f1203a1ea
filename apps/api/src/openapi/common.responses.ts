import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldError {
  @ApiProperty({ example: 'groupBy' }) field: string;
  @ApiProperty({ type: [String] }) problems: string[];
}

/** What every failure answers (Nest's exception body, plus our field list on a 400). */
export class ErrorResponse {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode: number;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'Invalid request: groupBy: groupBy must be one of the following values: campaign, run, …',
  })
  message: string | string[];
  @ApiPropertyOptional({ example: 'Bad Request' }) error?: string;
  @ApiPropertyOptional({ type: [FieldError], description: 'A 400: each field at fault with its problems' })
  fields?: FieldError[];
  @ApiPropertyOptional({ type: [String], description: 'A refused file: each line at fault' })
  problems?: string[];
}
