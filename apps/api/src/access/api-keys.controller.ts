import { Body, Controller, Delete, Get, NotFoundException, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { DataSource } from 'typeorm';
import {
  ApiKeysService,
  AuditService,
  CurrentPrincipal,
  Principal,
  ROLES,
  Role,
  Roles,
  assertWithin,
} from '@loa/access';
import { IdParam, IsId } from '@loa/core';
import { ApiKeyResponse, AuditEntryResponse, CreatedApiKeyResponse, RevokedResponse } from './access.responses';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Sở TTTT Thái Bình', minLength: 1, maxLength: 100 }) @IsString() @Length(1, 100) name: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  /** The unit subtree the key is limited to; omit for the whole country. */
  @ApiPropertyOptional({ type: 'integer', description: 'The unit subtree the key is limited to; omit for the country' })
  @IsOptional()
  @IsId()
  unitId?: number;
}

export class AuditQueryDto {
  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Entries older than this id (the last id of a page)' })
  @IsOptional()
  @IsId({ kind: 'bigint' })
  before?: number;
}

@ApiTags('access')
@Controller()
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly audit: AuditService,
    private readonly ds: DataSource,
  ) {}

  @Roles('admin')
  @Get('api-keys')
  @ApiOperation({ summary: 'List API keys (never their secrets)' })
  @ApiOkResponse({ type: [ApiKeyResponse] })
  list(@CurrentPrincipal() who: Principal) {
    return this.keys.list(who);
  }

  @Roles('admin')
  @Post('api-keys')
  @ApiOperation({ summary: 'Create an API key; the token is shown once in the response' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  async create(@Body() dto: CreateApiKeyDto, @CurrentPrincipal() who: Principal) {
    let unitPath: string | null = null;
    if (dto.unitId !== undefined) {
      const [unit] = await this.ds.query('SELECT path FROM units WHERE id = $1', [dto.unitId]);
      if (!unit) throw new NotFoundException(`Unit ${dto.unitId} does not exist`);
      unitPath = unit.path;
    }
    assertWithin(who, unitPath, 'The unit of the new key');
    const created = await this.keys.create(dto.name, dto.role, dto.unitId ?? null, who.keyId);
    await this.audit.record(who, 'create', 'api_key', created.id, {
      name: dto.name,
      role: dto.role,
      unitId: dto.unitId ?? null,
    });
    return created;
  }

  @Roles('admin')
  @Delete('api-keys/:id')
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiOkResponse({ type: RevokedResponse })
  async revoke(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    if (!(await this.keys.revoke(who, id)))
      throw new NotFoundException(`API key ${id} does not exist, is already revoked, or is outside your unit`);
    await this.audit.record(who, 'revoke', 'api_key', id);
    return { revoked: id };
  }

  @Roles('admin')
  @Get('audit')
  @ApiOperation({ summary: 'The audit log, newest first' })
  @ApiOkResponse({ type: [AuditEntryResponse] })
  auditLog(@Query() q: AuditQueryDto, @CurrentPrincipal() who: Principal) {
    return this.audit.list(who, q.limit ?? 100, q.before);
  }
}
