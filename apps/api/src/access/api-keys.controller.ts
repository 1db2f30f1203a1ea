import { Body, Controller, Delete, Get, NotFoundException, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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

export class CreateApiKeyDto {
  @IsString() @Length(1, 100) name: string;
  @IsIn(ROLES) role: Role;
  /** The unit subtree the key is limited to; omit for the whole country. */
  @IsOptional() @IsInt() unitId?: number;
}

export class AuditQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;
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
  list() {
    return this.keys.list();
  }

  @Roles('admin')
  @Post('api-keys')
  @ApiOperation({ summary: 'Create an API key; the token is shown once in the response' })
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
  async revoke(@Param('id', ParseIntPipe) id: number, @CurrentPrincipal() who: Principal) {
    if (!(await this.keys.revoke(id)))
      throw new NotFoundException(`API key ${id} does not exist or is already revoked`);
    await this.audit.record(who, 'revoke', 'api_key', id);
    return { revoked: id };
  }

  @Roles('admin')
  @Get('audit')
  @ApiOperation({ summary: 'The audit log, newest first' })
  auditLog(@Query() q: AuditQueryDto) {
    return this.audit.list(q.limit ?? 100, q.before);
  }
}
