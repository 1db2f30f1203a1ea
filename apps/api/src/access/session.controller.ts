import { Body, Controller, Delete, ForbiddenException, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { Request, Response } from 'express';
import {
  ApiKeysService,
  CONSOLE_HEADER,
  CurrentPrincipal,
  Principal,
  Public,
  sessionCookieOf,
  SessionsService,
} from '@loa/access';
import { APP_CONFIG, AppConfig } from '@loa/core';
import { UnitsService } from '@loa/units';
import { ErrorResponse } from '../openapi/common.responses';
import { SessionResponse } from './access.responses';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

export class StartSessionDto {
  @ApiProperty({ description: 'An API key, loa_<prefix>_<secret>: checked once, never stored by the page' })
  @IsString()
  @Length(1, 200)
  key: string;
}

/**
 * The console's sign-in in JSON: the same sessions as /dashboard/login (an HttpOnly cookie holding a session id,
 * never the key), without the form's redirects. Sign-in must carry the console header too, so that no other site
 * can sign a browser in with a key of its choosing.
 */
@ApiTags('session')
@Controller('session')
export class SessionController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly sessions: SessionsService,
    private readonly units: UnitsService,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  @Public()
  @Post()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign in with an API key: 204 and the HttpOnly loa_session cookie (needs the header X-Loa-Console: 1)',
  })
  @ApiNoContentResponse({ description: 'Signed in; the cookie is set' })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'Unknown or revoked API key' })
  async start(@Body() dto: StartSessionDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (req.headers[CONSOLE_HEADER] !== '1')
      throw new ForbiddenException('Sign in from the console (X-Loa-Console: 1)');
    const who = await this.keys.verify(dto.key.trim());
    if (!who) {
      res.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'Unknown or revoked API key' });
      return;
    }
    setSessionCookie(res, (await this.sessions.start(who)).token, this.cfg);
    res.status(204).end();
  }

  @Get()
  @ApiOperation({ summary: 'Who is signed in: key name, role and unit (the unit subtree every answer is scoped to)' })
  @ApiOkResponse({ type: SessionResponse })
  async whoAmI(@CurrentPrincipal() who: Principal): Promise<SessionResponse> {
    const unit = who.unitId === null ? null : await this.units.get(who.unitId);
    return {
      name: who.name,
      role: who.role,
      unit: unit && { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
    };
  }

  @Public()
  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session on every api process and clears the cookie' })
  @ApiNoContentResponse({ description: 'Signed out (also when there was no session)' })
  async end(@Req() req: Request, @Res() res: Response): Promise<void> {
    const session = sessionCookieOf(req);
    if (session) await this.sessions.end(session);
    clearSessionCookie(res);
    res.status(204).end();
  }
}
