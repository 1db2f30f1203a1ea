import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@loa/access';
import { ClickRecorderService, LinkResolverService } from '@loa/tracking';
import { RedirectHandler } from './redirect.handler';

/**
 * Click-through: `/r/{code}` → 302 to the campaign's target (per platform when set). The click is appended to a
 * Redis stream before answering (durable once XADD returns) and written to PostgreSQL by the worker in batches,
 * so the redirect never waits on PostgreSQL. HEAD requests (link checkers) are answered and not recorded.
 * In the running api, GET and HEAD are answered by `mountTrackingHotPaths` before Nest's middleware (hot path);
 * this controller documents the route and serves it the same way wherever the early handler is not mounted.
 */
@ApiTags('tracking')
@Public()
@Controller('r')
export class RedirectController {
  private readonly handler: RedirectHandler;

  constructor(links: LinkResolverService, clicks: ClickRecorderService) {
    this.handler = new RedirectHandler(links, clicks);
  }

  @Get(':code')
  @ApiOperation({ summary: 'Short link: redirect to the app download page and record the click' })
  @ApiFoundResponse({
    description: 'To the campaign’s target (per platform when set)',
    headers: { Location: { schema: { type: 'string', format: 'uri' } } },
  })
  @ApiNotFoundResponse({
    description: 'Unknown or expired code: a small HTML page',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  redirect(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.handler.serve(code, req, res, req.ip);
  }
}
