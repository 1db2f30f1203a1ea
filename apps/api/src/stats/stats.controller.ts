import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal } from '@loa/access';
import { ProgressReportService, StatsExportsService, StatsOverviewService, StatsQueryService } from '@loa/stats';
import { sendCsv } from './csv';
import { ProgressQueryDto, RunQueryDto, StatsQueryDto } from './stats.dto';
import { CsvResponse } from '../openapi/props';
import {
  CampaignTotalsResponse,
  LiveRunResponse,
  ProgressRowResponse,
  StatsOverviewResponse,
  StatsRowResponse,
} from './stats.responses';

const STAT_COLUMNS = [
  'targeted',
  'sent',
  'delivered',
  'failed',
  'expired',
  'clicked',
  'botClicks',
  'installed',
  'cost',
  'deliveryRate',
  'clickThrough',
  'conversion',
  'latencyP50S',
  'latencyP95S',
] as const;
const PROGRESS_COLUMNS = [
  'unitId',
  'code',
  'name',
  'level',
  'depth',
  'targeted',
  'sent',
  'delivered',
  'clicked',
  'installed',
] as const;

@ApiTags('stats')
@Controller()
export class StatsController {
  constructor(
    private readonly stats: StatsQueryService,
    private readonly progress: ProgressReportService,
    private readonly exports: StatsExportsService,
    private readonly overviews: StatsOverviewService,
  ) {}

  @Get('stats')
  @ApiOperation({ summary: 'Statistics grouped by campaign, run, channel, carrier, unit (rolled up) or day' })
  @ApiOkResponse({ type: [StatsRowResponse] })
  get(@Query() q: StatsQueryDto, @CurrentPrincipal() who: Principal) {
    return this.stats.stats(who, q);
  }

  @Get('stats.csv')
  @ApiOperation({ summary: 'The same statistics as CSV' })
  @CsvResponse('the statistics rows, one per group')
  async csv(@Query() q: StatsQueryDto, @CurrentPrincipal() who: Principal, @Res() res: Response) {
    const rows = await this.stats.stats(who, q);
    sendCsv(
      res,
      `stats-${q.groupBy}.csv`,
      ['key', 'label', ...STAT_COLUMNS, 'failures'],
      rows.map((r) => [r.key, r.label, ...STAT_COLUMNS.map((c) => r[c]), JSON.stringify(r.failures)]),
    );
  }

  @Get('stats/failures.csv')
  @ApiOperation({ summary: 'Per-recipient failures of a run (phone, name, unit, reason) so communes can call them' })
  @CsvResponse('phone, name, unit, reason, detail of each failed or expired delivery')
  async failures(@Query() q: RunQueryDto, @CurrentPrincipal() who: Principal, @Res() res: Response) {
    const rows = await this.exports.failures(who, q.runId);
    sendCsv(
      res,
      `failures-run-${q.runId}.csv`,
      ['phone', 'name', 'unit', 'reason', 'detail'],
      rows.map((r) => [r.phone, r.name, r.unit, r.reason, r.detail]),
    );
  }

  @Get('stats/overview')
  @ApiOperation({
    summary: 'The dashboard in one snapshot: campaigns with their totals and latest run, and the totals of those rows',
    description:
      'Counted within the caller’s units, as GET /stats counts: a national campaign is listed to a district key ' +
      'with what reached the district. `totals` is always the sum of `campaigns`.',
  })
  @ApiOkResponse({ type: StatsOverviewResponse })
  overview(@CurrentPrincipal() who: Principal) {
    return this.overviews.overview(who);
  }

  @Get('stats/campaigns')
  @ApiOperation({ summary: 'The campaigns of GET /stats/overview' })
  @ApiOkResponse({ type: [CampaignTotalsResponse] })
  async campaigns(@CurrentPrincipal() who: Principal) {
    return (await this.overviews.overview(who)).campaigns;
  }

  @Get('stats/live')
  @ApiOperation({
    summary: 'Live delivery counts by status for one run (dashboard progress)',
    description: 'A run is 404 unless its campaign is in your area or it sent to your units.',
  })
  @ApiOkResponse({ type: LiveRunResponse })
  live(@Query() q: RunQueryDto, @CurrentPrincipal() who: Principal) {
    return this.exports.live(who, q.runId);
  }

  @Get('reports/progress')
  @ApiOperation({ summary: 'Progress report by administrative unit, rolled up communes → districts → provinces' })
  @ApiOkResponse({ type: [ProgressRowResponse] })
  progressJson(@Query() q: ProgressQueryDto, @CurrentPrincipal() who: Principal) {
    return this.progress.progress(who, q);
  }

  @Get('reports/progress.csv')
  @ApiOperation({ summary: 'The progress report as CSV' })
  @CsvResponse('the progress report, one row per unit')
  async progressCsv(@Query() q: ProgressQueryDto, @CurrentPrincipal() who: Principal, @Res() res: Response) {
    const rows = await this.progress.progress(who, q);
    sendCsv(
      res,
      `progress-${q.from}-${q.to}.csv`,
      [...PROGRESS_COLUMNS],
      rows.map((r) => PROGRESS_COLUMNS.map((c) => r[c])),
    );
  }
}
