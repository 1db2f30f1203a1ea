import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  NotFoundException,
  Param,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { readFile, unlink } from 'node:fs/promises';
import { AuditService, CurrentPrincipal, Principal, Roles, assertWithin } from '@loa/access';
import { IdParam } from '@loa/core';
import { UnitImportError, UnitsService } from '@loa/units';
import { UploadedCsv, uploadSchema } from '../subscribers/upload.options';
import { CreateUnitDto, ListUnitsQuery, MoveUnitDto } from './units.dto';
import { UnitImportResponse, UnitResponse } from './units.responses';

function requireNational(who: Principal, what: string): void {
  if (who.unitPath) throw new ForbiddenException(`${what} needs a key that is not scoped to a unit`);
}

@ApiTags('units')
@Controller('units')
export class UnitsController {
  constructor(
    private readonly units: UnitsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Root units (for a scoped key: its own unit), or the children of ?parent=' })
  @ApiOkResponse({ type: [UnitResponse] })
  async list(@Query() q: ListUnitsQuery, @CurrentPrincipal() who: Principal) {
    if (q.parent === undefined) return who.unitId ? [await this.units.get(who.unitId)] : this.units.children(null);
    return this.units.children((await this.units.getWithin(who, q.parent)).id);
  }

  @Get('by-code/:code')
  @ApiOperation({ summary: 'Resolve a unit by its official code' })
  @ApiOkResponse({ type: UnitResponse })
  async byCode(@Param('code') code: string, @CurrentPrincipal() who: Principal) {
    const unit = await this.units.byCode(code);
    if (!unit) throw new NotFoundException(`No unit with code ${code}`);
    assertWithin(who, unit.path, `Unit ${code}`);
    return unit;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One unit' })
  @ApiOkResponse({ type: UnitResponse })
  async get(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    return this.units.getWithin(who, id);
  }

  @Get(':id/subtree')
  @ApiOperation({ summary: 'A unit and everything below it, parents first' })
  @ApiOkResponse({ type: [UnitResponse] })
  async subtree(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    await this.units.getWithin(who, id);
    return this.units.subtree(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a unit under a parent inside your area (roots need an unscoped key)' })
  @ApiCreatedResponse({ type: UnitResponse })
  async create(@Body() dto: CreateUnitDto, @CurrentPrincipal() who: Principal) {
    if (dto.parentId !== undefined && dto.parentCode !== undefined) {
      throw new BadRequestException('Give parentId or parentCode, not both');
    }
    let parentId = dto.parentId ?? null;
    if (dto.parentCode !== undefined) {
      const p = await this.units.byCode(dto.parentCode);
      if (!p) throw new BadRequestException(`parentCode: no unit with code ${dto.parentCode}`);
      parentId = p.id;
    }
    if (parentId === null) requireNational(who, 'Creating a root unit');
    else await this.units.getWithin(who, parentId);
    const unit = await this.units.create({ code: dto.code, name: dto.name, level: dto.level, parentId });
    await this.audit.record(who, 'create', 'unit', unit.id, { code: unit.code, parentId });
    return unit;
  }

  @Post(':id/move')
  @Roles('admin')
  @ApiOperation({ summary: 'Re-parent a unit; its subtree follows (paths rewritten). National admin only' })
  @ApiCreatedResponse({ type: UnitResponse })
  async move(@IdParam() id: number, @Body() dto: MoveUnitDto, @CurrentPrincipal() who: Principal) {
    requireNational(who, 'Moving a unit');
    const before = await this.units.get(id);
    const unit = await this.units.move(id, dto.parentId ?? null);
    await this.audit.record(who, 'move', 'unit', id, { from: before.parentId, to: unit.parentId });
    return unit;
  }

  @Post('import')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(uploadSchema())
  @ApiOperation({
    summary: 'Import units from CSV (code,name,level,parent_code): upsert by code, one transaction, unscoped keys',
    description:
      'A malformed CSV, or any bad row (empty, ragged, unknown parent, duplicate, cycle), refuses the whole file ' +
      '(400, `problems` naming each line); nothing is stored.',
  })
  @ApiCreatedResponse({ type: UnitImportResponse })
  async import(@UploadedFile() file: UploadedCsv | undefined, @CurrentPrincipal() who: Principal) {
    if (!file) throw new BadRequestException('Upload the CSV in a multipart field named "file"');
    try {
      requireNational(who, 'Importing units');
      const result = await this.units.importCsv(await readFile(file.path));
      await this.audit.record(who, 'import', 'unit', null, { filename: file.originalname, ...result });
      return result;
    } catch (e) {
      if (e instanceof UnitImportError) throw new BadRequestException({ message: e.message, problems: e.problems });
      throw e;
    } finally {
      await unlink(file.path).catch(() => undefined);
    }
  }
}
