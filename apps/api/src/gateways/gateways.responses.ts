import { ApiProperty } from '@nestjs/swagger';
import { Enum, Int, MaybeInstant, MaybeStr, Str } from '../openapi/props';

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

export class GatewayResponse extends GatewayStateResponse {
  @Enum(['viettel-soap', 'vnpt-json', 'esms-json', 'zalo-zns']) protocol: string;
  @ApiProperty({ type: QueueCountsResponse }) queue: QueueCountsResponse;
}

export class RefreshTokenStoredResponse {
  @Str() gatewayId: string;
  @Enum(['stored']) refreshToken: string;
}
