import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal } from '@loa/access';
import { IdParam } from '@loa/core';
import { CsvExportService, ImportsRepository, SubscriberImportService, splitTags } from '@loa/subscribers';
import { ImportWaitQuery, RejectionsQuery, StartImportDto } from './subscribers.dto';
import { UploadedCsv, uploadSchema } from './upload.options';
import { CsvResponse } from '../openapi/props';
import { ImportResponse, ImportStartedResponse, RejectionPageResponse } from './subscribers.responses';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: SubscriberImportService,
    private readonly repo: ImportsRepository,
    private readonly csv: CsvExportService,
  ) {}

  @Post('subscribers')
  @HttpCode(202)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(uploadSchema({ unitCode: 'default unit code', tags: 'tags for every row, ";"-separated' }))
  @ApiOperation({
    summary: 'Import subscribers from CSV: 202 with the import id (processing runs in the background)',
    description:
      'With ?wait=true the answer (200) comes when the import is done, with its final state. The CSV is read ' +
      'strictly: a malformed file (unbalanced quote, empty or repeated header, binary or compressed, not UTF-8) ends ' +
      'the import `failed` with an `error` naming the line, and nothing is stored; a bad row (empty, too many or too ' +
      'few values, bad phone, duplicate) is rejected by line, so rowsAccepted + rowsRejected = rows of the file.',
  })
  @ApiAcceptedResponse({ type: ImportStartedResponse, description: 'Started; poll its href' })
  @ApiOkResponse({ type: ImportResponse, description: 'With ?wait=true: the finished import' })
  async start(
    @UploadedFile() file: UploadedCsv | undefined,
    @Body() dto: StartImportDto,
    @Query() q: ImportWaitQuery,
    @CurrentPrincipal() who: Principal,
    @Res() res: Response,
  ): Promise<void> {
    if (!file) throw new BadRequestException('Upload the CSV in a multipart field named "file"');
    const { id, done } = await this.imports.start(
      { path: file.path, filename: file.originalname, unitCode: dto.unitCode, tags: splitTags(dto.tags) },
      who,
    );
    // Nest would overwrite a status set on a passthrough response, so this handler answers itself.
    if (q.wait) {
      res.status(200).json(await done);
      return;
    }
    res.status(202).json({ id, status: 'pending', href: `/api/v1/imports/${id}` });
  }

  @Get(':id')
  @ApiOperation({ summary: 'State of an import: status, rows so far, accepted, rejected, inserted, updated, progress' })
  @ApiOkResponse({ type: ImportResponse })
  view(@IdParam('id', 'bigint') id: number, @CurrentPrincipal() who: Principal) {
    return this.imports.view(id, who);
  }

  @Get(':id/rejections.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Rejected rows as CSV (line, raw, reason)' })
  @CsvResponse('line, raw, reason of every rejected row')
  async rejectionsCsv(
    @IdParam('id', 'bigint') id: number,
    @CurrentPrincipal() who: Principal,
    @Res() res: Response,
  ): Promise<void> {
    await this.imports.view(id, who);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="import-${id}-rejections.csv"`);
    await this.csv.rejections(id, res);
  }

  @Get(':id/rejections')
  @ApiOperation({ summary: 'Rejected rows (line, raw value, reason), by line, paginated' })
  @ApiOkResponse({ type: RejectionPageResponse })
  async rejections(
    @IdParam('id', 'bigint') id: number,
    @Query() q: RejectionsQuery,
    @CurrentPrincipal() who: Principal,
  ) {
    await this.imports.view(id, who);
    const limit = q.limit ?? 100;
    const items = await this.repo.rejections(id, q.after ?? 0, limit);
    return { items, nextAfter: items.length === limit ? items[items.length - 1].line : null };
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a pending or running import: nothing of it is stored' })
  @ApiOkResponse({ type: ImportResponse })
  cancel(@IdParam('id', 'bigint') id: number, @CurrentPrincipal() who: Principal) {
    return this.imports.cancel(id, who);
  }
}
