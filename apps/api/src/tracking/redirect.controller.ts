import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@loa/access';
import { ClickRecorderService, classifyUserAgent, LinkResolverService } from '@loa/tracking';
import { LINK_NOT_FOUND_HTML } from './not-found.page';

/**
 * Click-through: `/r/{code}` → 302 to the campaign's target (per platform when set). The click is appended to a
 * Redis stream before answering (durable once XADD returns) and written to PostgreSQL by the worker in batches,
 * so the redirect never waits on PostgreSQL. HEAD requests (link checkers) are answered and not recorded.
 */
@ApiTags('tracking')
@Public()
@Controller('r')
export class RedirectController {
  private readonly log = new Logger('Redirect');

  constructor(
    private readonly links: LinkResolverService,
    private readonly clicks: ClickRecorderService,
  ) {}

  @Get(':code')
  @ApiOperation({ summary: 'Short link: redirect to the app download page and record the click' })
  async redirect(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const target = await this.links.resolve(code);
    res.setHeader('Cache-Control', 'no-store'); // every tap must reach us to be counted
    if (!target) {
      res.status(404).type('html').send(LINK_NOT_FOUND_HTML);
      return;
    }
    const ua = req.headers['user-agent'];
    const { platform, uaClass } = classifyUserAgent(ua);
    const url = (platform === 'android' && target.android) || (platform === 'ios' && target.ios) || target.url;
    if (req.method === 'GET') {
      // The person is redirected even if Redis is unreachable; that click is then lost (logged).
      await this.clicks
        .record(target, platform, uaClass, ua, req.ip)
        .catch((e) => this.log.error(`click not recorded for ${code}: ${(e as Error).message}`));
    }
    res.redirect(302, url);
  }
}
