import { BadRequestException, Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { readFile, unlink } from 'node:fs/promises';
import { CurrentPrincipal, Principal } from '@loa/access';
import { InstallsService } from '@loa/tracking';
import { BulkBody } from '../http/body-parsing.interceptor';
import { UploadedCsv } from '../subscribers/upload.options';
import { installsFromCsv, installsFromJson } from './install-input';
import { InstallResultResponse } from './tracking.responses';

@ApiTags('tracking')
@Controller('installs')
export class InstallsController {
  constructor(private readonly installs: InstallsService) {}

  @Post()
  @HttpCode(200)
  @BulkBody()
  @ApiOperation({
    summary: 'Record app installs (phones in any common format) and attribute them to the last campaign message',
  })
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'array', items: { type: 'string' } },
        { type: 'object', properties: { phones: { type: 'array', items: { type: 'string' } } } },
        {
          type: 'object',
          properties: {
            installs: {
              type: 'array',
              items: { type: 'object', properties: { phone: { type: 'string' }, installedAt: { type: 'string' } } },
            },
          },
        },
      ],
    },
  })
  @ApiOkResponse({ type: InstallResultResponse })
  record(@Body() body: unknown, @CurrentPrincipal() who: Principal) {
    return this.installs.record(who, installsFromJson(body), 'api');
  }

  @Post('import')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary: 'Import installs from a CSV file (phone, optional installed_at)',
    description: 'A malformed CSV, an empty or ragged row, or a bad date refuses the file (400) naming the line.',
  })
  @ApiOkResponse({ type: InstallResultResponse })
  async import(@UploadedFile() file: UploadedCsv | undefined, @CurrentPrincipal() who: Principal) {
    if (!file) throw new BadRequestException('Upload the CSV as the multipart field "file"');
    try {
      if (!file.size) throw new BadRequestException('Upload the CSV as the multipart field "file"');
      return await this.installs.record(who, await installsFromCsv(await readFile(file.path)), 'import');
    } finally {
      await unlink(file.path).catch(() => undefined);
    }
  }
}
