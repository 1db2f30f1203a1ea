import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@loa/access';
import { SegmentsService } from '@loa/segments';
import { CountFilterDto, CreateSegmentDto, UpdateSegmentDto } from './segment.dto';

@ApiTags('segments')
@Controller('segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Post()
  @ApiOperation({ summary: "Save an audience filter (owned by the key's unit unless unitId is given)" })
  create(@Body() dto: CreateSegmentDto, @CurrentPrincipal() who: Principal) {
    return this.segments.create(who, dto);
  }

  @Get()
  @ApiOperation({ summary: "List the segments inside the key's unit subtree" })
  list(@CurrentPrincipal() who: Principal) {
    return this.segments.list(who);
  }

  // Declared before ':id' routes so "count" is never taken for an id.
  @Post('count')
  @Roles('admin', 'operator', 'analyst') // a read, though it is a POST
  @HttpCode(200)
  @ApiOperation({ summary: 'Preview a filter: audience size, by carrier, by unit, and how many were suppressed' })
  countFilter(@Body() dto: CountFilterDto, @CurrentPrincipal() who: Principal) {
    return this.segments.countFilter(who, dto.filter, dto.unitId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One segment' })
  get(@Param('id', ParseIntPipe) id: number, @CurrentPrincipal() who: Principal) {
    return this.segments.get(who, id);
  }

  @Get(':id/count')
  @ApiOperation({ summary: "A segment's audience size, by carrier, by unit, and how many were suppressed" })
  count(@Param('id', ParseIntPipe) id: number, @CurrentPrincipal() who: Principal) {
    return this.segments.count(who, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, re-own or replace the filter of a segment' })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateSegmentDto, @CurrentPrincipal() who: Principal) {
    return this.segments.update(who, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a segment no campaign uses' })
  async remove(@Param('id', ParseIntPipe) id: number, @CurrentPrincipal() who: Principal) {
    await this.segments.remove(who, id);
    return { deleted: id };
  }
}
