import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Bool, Enum, Int, MaybeInstant, MaybeStr, Str } from '../openapi/props';

export class GatewayStateResponse {
  @Str({ example: 'viettel' }) id: string;
  @Enum(['sms', 'zns']) channel: string;
  @Int({ description: 'Live rate (messages per sliding second)' }) ratePerSecond: number;
  @Int({ description: 'The rate in the configuration' }) configuredRate: number;
  @MaybeInstant() pausedUntil: Date | null;
  @MaybeStr({ example: 'quota' }) pauseReason: string | null;
}

export class QueueCountsResponse {
  @Int() waiting: number;
  @Int() active: number;
  @Int() delayed: number;
  @Int() failed: number;
}

export class BreakerResponse {
  @Enum(['closed', 'open', 'half-open']) state: string;
  @MaybeInstant({ description: 'Since when it is in this state' }) since: Date | null;
  @MaybeInstant({ description: 'Open: when probes may start' }) probingFrom: Date | null;
}

export class GatewayResponse extends GatewayStateResponse {
  @Enum(['viettel-soap', 'vnpt-json', 'esms-json', 'zalo-zns']) protocol: string;
  @ApiProperty({ type: BreakerResponse, description: 'Circuit breaker (failover, docs/dispatch.md)' })
  breaker: BreakerResponse;
  @ApiProperty({ type: QueueCountsResponse }) queue: QueueCountsResponse;
}

export class RouteGatewayResponse {
  @Str() id: string;
  @ApiProperty({ type: BreakerResponse }) breaker: BreakerResponse;
}

export class CarrierRouteResponse {
  @Enum(['viettel', 'vinaphone', 'mobifone', 'vietnamobile', 'gmobile', 'itel']) carrier: string;
  @ApiProperty({ type: [RouteGatewayResponse], description: 'Its SMS gateways, in order of preference' })
  gateways: RouteGatewayResponse[];
  @MaybeStr({ description: 'Where its sends go now' }) live: string | null;
  @Bool({ description: 'True when that is not its first choice' }) failover: boolean;
  @ApiPropertyOptional({ type: 'string', description: 'Why the carrier has no route' }) problem?: string;
}

export class RefreshTokenStoredResponse {
  @Str() gatewayId: string;
  @Enum(['stored']) refreshToken: string;
}
