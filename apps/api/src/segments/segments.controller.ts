import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@loa/access';
import { IdParam } from '@loa/core';
import { SegmentsService } from '@loa/segments';
import { CountFilterDto, CreateSegmentDto, UpdateSegmentDto } from './segment.dto';
import { DeletedResponse } from '../subscribers/subscribers.responses';
import { SegmentCountResponse, SegmentResponse } from './segments.responses';

@ApiTags('segments')
@Controller('segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Post()
  @ApiOperation({ summary: "Save an audience filter (owned by the key's unit unless unitId is given)" })
  @ApiCreatedResponse({ type: SegmentResponse })
  create(@Body() dto: CreateSegmentDto, @CurrentPrincipal() who: Principal) {
    return this.segments.create(who, dto);
  }

  @Get()
  @ApiOperation({ summary: "List the segments inside the key's unit subtree" })
  @ApiOkResponse({ type: [SegmentResponse] })
  list(@CurrentPrincipal() who: Principal) {
    return this.segments.list(who);
  }

  // Declared before ':id' routes so "count" is never taken for an id.
  @Post('count')
  @Roles('admin', 'operator', 'analyst') // a read, though it is a POST
  @HttpCode(200)
  @ApiOperation({ summary: 'Preview a filter: audience size, by carrier, by unit, and how many were suppressed' })
  @ApiOkResponse({ type: SegmentCountResponse })
  countFilter(@Body() dto: CountFilterDto, @CurrentPrincipal() who: Principal) {
    return this.segments.countFilter(who, dto.filter, dto.unitId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One segment' })
  @ApiOkResponse({ type: SegmentResponse })
  get(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    return this.segments.get(who, id);
  }

  @Get(':id/count')
  @ApiOperation({ summary: "A segment's audience size, by carrier, by unit, and how many were suppressed" })
  @ApiOkResponse({ type: SegmentCountResponse })
  count(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    return this.segments.count(who, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, re-own or replace the filter of a segment' })
  @ApiOkResponse({ type: SegmentResponse })
  update(@IdParam() id: number, @Body() dto: UpdateSegmentDto, @CurrentPrincipal() who: Principal) {
    return this.segments.update(who, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a segment no campaign uses' })
  @ApiOkResponse({ type: DeletedResponse })
  async remove(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    await this.segments.remove(who, id);
    return { deleted: id };
  }
}
