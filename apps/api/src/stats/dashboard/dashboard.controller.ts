import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ApiKeysService, CurrentPrincipal, Principal, Public, sessionCookieOf, SessionsService } from '@loa/access';
import { APP_CONFIG, AppConfig, Clock, lastVietnamDays } from '@loa/core';
import { ProgressReportService } from '@loa/stats';
import { clearSessionCookie, setSessionCookie } from '../../access/session-cookie';
import { ProgressQueryDto } from '../stats.dto';
import { DASHBOARD_JS } from './dashboard.js';
import { dashboardPage, loginPage } from './dashboard.html';
import { progressPage } from './progress.page';

/**
 * The analysts' dashboard: plain HTML + one script, chart.js served from node_modules (no CDN: the machine has no
 * internet). Sign-in checks the API key and gives the browser a session id (never the key) in an HttpOnly,
 * SameSite=Strict cookie, which the guard accepts for GET only; sign-out ends the session.
 */
@ApiExcludeController()
@Controller('dashboard')
export class DashboardController {
  private chartJs?: Buffer;

  constructor(
    private readonly keys: ApiKeysService,
    private readonly sessions: SessionsService,
    private readonly progress: ProgressReportService,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get()
  index(@Req() req: Request, @Res() res: Response): void {
    if (!sessionCookieOf(req)) return res.redirect(303, '/dashboard/login');
    // The last 30 days as the report counts them: Vietnam dates, today included (also from 00:00 to 07:00).
    res.type('html').send(dashboardPage(lastVietnamDays(this.clock.now(), 30)));
  }

  @Public()
  @Get('login')
  loginForm(@Res() res: Response): void {
    res.type('html').send(loginPage());
  }

  @Public()
  @Post('login')
  @HttpCode(303)
  async login(@Body() body: unknown, @Res() res: Response): Promise<void> {
    const key = typeof (body as { key?: unknown })?.key === 'string' ? (body as { key: string }).key.trim() : '';
    const who = key ? await this.keys.verify(key) : null;
    if (!who) {
      res.status(401).type('html').send(loginPage('Khoá API không đúng / Unknown or revoked API key'));
      return;
    }
    const session = await this.sessions.start(who);
    setSessionCookie(res, session.token, this.cfg);
    res.redirect(303, '/dashboard');
  }

  /** Ends the session on every api process (its id is worthless from now on) and clears the cookie. */
  @Public()
  @Post('logout')
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    const session = sessionCookieOf(req);
    if (session) await this.sessions.end(session);
    clearSessionCookie(res);
    res.redirect(303, '/dashboard/login');
  }

  @Public()
  @Get('app.js')
  script(@Res() res: Response): void {
    res.type('application/javascript').setHeader('Cache-Control', 'no-cache').send(DASHBOARD_JS);
  }

  @Public()
  @Get('vendor/chart.umd.js')
  chart(@Res() res: Response): void {
    try {
      this.chartJs ??= readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.js'));
    } catch {
      throw new NotFoundException('chart.js is not installed');
    }
    res.type('application/javascript').setHeader('Cache-Control', 'public, max-age=86400').send(this.chartJs);
  }

  @Get('reports/progress')
  async progressReport(@Query() q: ProgressQueryDto, @CurrentPrincipal() who: Principal, @Res() res: Response) {
    const rows = await this.progress.progress(who, q);
    res.type('html').send(progressPage(q, rows));
  }
}
