import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Param,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { unlink } from 'node:fs/promises';
import { CurrentPrincipal, Principal } from '@loa/access';
import { SuppressionService } from '@loa/subscribers';
import { BulkBody } from '../http/body-parsing.interceptor';
import { DncBodyDto } from './subscribers.dto';
import { UploadedCsv, uploadSchema } from './upload.options';
import { DncRemovedResponse, ListUploadResponse } from './subscribers.responses';

@ApiTags('suppression')
@Controller()
export class SuppressionController {
  constructor(private readonly suppression: SuppressionService) {}

  @Post('dnc')
  @BulkBody()
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody(uploadSchema({ source: 'where the list comes from' }))
  @ApiOperation({
    summary: 'Add numbers to the Do-Not-Call list: CSV upload (phone column) or JSON {phones}',
    description:
      'A malformed CSV (unbalanced quote, empty or repeated header, binary or compressed, not UTF-8) is refused ' +
      '(400) naming the line; bad rows (empty, ragged, bad phone) are listed in `rejected` by line.',
  })
  @ApiCreatedResponse({ type: ListUploadResponse })
  async addDnc(
    @UploadedFile() file: UploadedCsv | undefined,
    @Body() dto: DncBodyDto,
    @CurrentPrincipal() who: Principal,
  ) {
    if (file) {
      try {
        return await this.suppression.addDncCsv(who, file.path, dto.source ?? file.originalname);
      } finally {
        await unlink(file.path).catch(() => undefined);
      }
    }
    if (!dto.phones?.length)
      throw new BadRequestException('Send a CSV in the field "file" or a JSON body {phones: [...]}');
    return this.suppression.addDnc(who, dto.phones, dto.source ?? null);
  }

  @Delete('dnc/:phone')
  @ApiOperation({ summary: 'Remove a number (any shape) from the DNC list (unscoped keys)' })
  @ApiOkResponse({ type: DncRemovedResponse })
  async removeDnc(@Param('phone') phone: string, @CurrentPrincipal() who: Principal) {
    await this.suppression.removeDnc(who, phone);
    return { removed: phone };
  }

  @Post('carrier-overrides')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(uploadSchema())
  @ApiOperation({
    summary: 'Upload carrier overrides (CSV phone,carrier): they win over the prefix and update stored subscribers',
    description:
      'A malformed CSV is refused (400) naming the line; bad rows (empty, ragged, bad phone or carrier) are listed ' +
      'in `rejected` by line.',
  })
  @ApiCreatedResponse({ type: ListUploadResponse })
  async overrides(@UploadedFile() file: UploadedCsv | undefined, @CurrentPrincipal() who: Principal) {
    if (!file) throw new BadRequestException('Upload the CSV (phone,carrier) in a multipart field named "file"');
    try {
      return await this.suppression.uploadOverrides(who, file.path);
    } finally {
      await unlink(file.path).catch(() => undefined);
    }
  }
}
