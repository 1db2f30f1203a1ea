import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@loa/access';
import { IdParam } from '@loa/core';
import { TemplatesService } from '@loa/templates';
import { CreateTemplateDto, PreviewTemplateDto, UpdateTemplateDto } from './template.dto';
import { DeletedResponse } from '../subscribers/subscribers.responses';
import { TemplatePreviewResponse, TemplateResponse, TemplateWithEstimateResponse } from './template.responses';

@ApiTags('templates')
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Post()
  @ApiOperation({ summary: 'Save a template; the response carries its longest rendering, encoding and segments' })
  @ApiCreatedResponse({ type: TemplateWithEstimateResponse })
  create(@Body() dto: CreateTemplateDto, @CurrentPrincipal() who: Principal) {
    return this.templates.create(who, dto);
  }

  @Get()
  @ApiOperation({ summary: "List the templates inside the key's unit subtree" })
  @ApiOkResponse({ type: [TemplateResponse] })
  list(@CurrentPrincipal() who: Principal) {
    return this.templates.list(who);
  }

  // Declared before ':id' routes.
  @Post('preview')
  @Roles('admin', 'operator', 'analyst') // a read, though it is a POST
  @HttpCode(200)
  @ApiOperation({ summary: 'Render a sample, with encoding, segments and warnings for the longest rendering' })
  @ApiOkResponse({ type: TemplatePreviewResponse })
  preview(@Body() dto: PreviewTemplateDto, @CurrentPrincipal() who: Principal) {
    const { vars, ...template } = dto;
    return this.templates.preview(who, template, vars);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One template' })
  @ApiOkResponse({ type: TemplateResponse })
  get(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    return this.templates.get(who, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a template (validated again as a whole)' })
  @ApiOkResponse({ type: TemplateWithEstimateResponse })
  update(@IdParam() id: number, @Body() dto: UpdateTemplateDto, @CurrentPrincipal() who: Principal) {
    return this.templates.update(who, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a template' })
  @ApiOkResponse({ type: DeletedResponse })
  async remove(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    await this.templates.remove(who, id);
    return { deleted: id };
  }
}
