import { ApiProperty } from '@nestjs/swagger';
import { Enum, Int } from '../openapi/props';

export class ProbeResponse {
  @Enum(['up', 'down']) status: string;
  @Int() latencyMs: number;
  @ApiProperty({ type: 'string', required: false, description: 'Why it is down' }) error?: string;
}

export class HealthResponse {
  @Enum(['ok', 'error'], { description: '"error" (with a 503) when PostgreSQL or Redis is down' }) status: string;
  @ApiProperty({ type: ProbeResponse }) postgres: ProbeResponse;
  @ApiProperty({ type: ProbeResponse }) redis: ProbeResponse;
}
