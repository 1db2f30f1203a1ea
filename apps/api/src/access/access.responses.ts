import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@loa/access';
import { Enum, Instant, Int, Json, MaybeInstant, MaybeInt, MaybeStr, Str } from '../openapi/props';

export class ApiKeyResponse {
  @Int() id: number;
  @Str() name: string;
  @Str({ description: 'The public part of the key: loa_<prefix>_…' }) prefix: string;
  @Enum(ROLES) role: string;
  @MaybeInt({ description: 'The unit subtree the key is limited to; null for the whole country' }) unitId:
    number | null;
  @Instant() createdAt: Date;
  @MaybeInstant() lastUsedAt: Date | null;
  @MaybeInstant() revokedAt: Date | null;
}

export class CreatedApiKeyResponse {
  @Int() id: number;
  @Str() name: string;
  @Enum(ROLES) role: string;
  @MaybeInt() unitId: number | null;
  @Str({ description: 'The key itself, loa_<prefix>_<secret>: shown once, only its hash is stored' }) token: string;
}

export class RevokedResponse {
  @Int() revoked: number;
}

export class AuditEntryResponse {
  @Str({ pattern: '^\\d+$', description: 'A bigint, as digits' }) id: string;
  @Instant() at: Date;
  @Str({ example: 'update' }) action: string;
  @Str({ example: 'gateway' }) entity: string;
  @MaybeStr() entityId: string | null;
  @Json() details: Record<string, unknown>;
  @MaybeStr() keyName: string | null;
  @MaybeInt() keyId: number | null;
}

export class SessionUnitResponse {
  @Int() id: number;
  @Str({ example: '336' }) code: string;
  @Str({ example: 'Huyện Hưng Hà' }) name: string;
  @Str({ example: 'district' }) level: string;
}

export class SessionResponse {
  @Str({ description: "The signed-in key's name" }) name: string;
  @Enum(ROLES) role: string;
  @ApiProperty({ type: SessionUnitResponse, nullable: true, description: 'The unit subtree; null = the whole country' })
  unit: SessionUnitResponse | null;
}
