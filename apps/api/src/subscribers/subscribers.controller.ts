import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditService, CurrentPrincipal, Principal } from '@loa/access';
import { IdParam } from '@loa/core';
import { CsvExportService, SubscribersService } from '@loa/subscribers';
import {
  CreateSubscriberDto,
  ExportQuery,
  ListSubscribersQuery,
  OptOutDto,
  UpdateSubscriberDto,
} from './subscribers.dto';
import { CsvResponse } from '../openapi/props';
import { DeletedResponse, OptOutResponse, SubscriberPageResponse, SubscriberResponse } from './subscribers.responses';

@ApiTags('subscribers')
@Controller('subscribers')
export class SubscribersController {
  constructor(
    private readonly subscribers: SubscribersService,
    private readonly csv: CsvExportService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Subscribers in your area; filter by phone (any shape), unit subtree, carrier, tag' })
  @ApiOkResponse({ type: SubscriberPageResponse })
  list(@Query() q: ListSubscribersQuery, @CurrentPrincipal() who: Principal) {
    return this.subscribers.list(who, q);
  }

  // Declared before ":id" so "export.csv" is not taken for an id.
  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every subscriber in your area as CSV (streamed; same filters as the list)' })
  @CsvResponse('phone, carrier, unit and the other columns of every subscriber in your area')
  async export(@Query() q: ExportQuery, @CurrentPrincipal() who: Principal, @Res() res: Response): Promise<void> {
    await this.audit.record(who, 'export', 'subscribers', null, { ...q });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="subscribers.csv"');
    await this.csv.subscribers(who, q, res);
  }

  @Post()
  @ApiOperation({ summary: 'Add one subscriber (carrier from an override if any, else from the prefix)' })
  @ApiCreatedResponse({ type: SubscriberResponse })
  create(@Body() dto: CreateSubscriberDto, @CurrentPrincipal() who: Principal) {
    return this.subscribers.create(who, dto);
  }

  @Post('opt-out')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop all messages to a number (any shape); unknown numbers go on the DNC list' })
  @ApiOkResponse({ type: OptOutResponse })
  optOut(@Body() dto: OptOutDto, @CurrentPrincipal() who: Principal) {
    return this.subscribers.optOut(who, dto.phone);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One subscriber (404 outside your area)' })
  @ApiOkResponse({ type: SubscriberResponse })
  get(@IdParam('id', 'bigint') id: number, @CurrentPrincipal() who: Principal) {
    return this.subscribers.get(who, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change unit, name, tags or attributes' })
  @ApiOkResponse({ type: SubscriberResponse })
  update(@IdParam('id', 'bigint') id: number, @Body() dto: UpdateSubscriberDto, @CurrentPrincipal() who: Principal) {
    return this.subscribers.update(who, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a subscriber' })
  @ApiOkResponse({ type: DeletedResponse })
  async remove(@IdParam('id', 'bigint') id: number, @CurrentPrincipal() who: Principal) {
    await this.subscribers.remove(who, id);
    return { deleted: id };
  }
}
