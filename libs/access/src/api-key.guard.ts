import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NATIONAL_KEY, PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import { ApiKeysService } from './api-keys.service';
import { Role } from './principal';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Global guard: every route needs `Authorization: Bearer <key>` unless marked @Public(). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    // The dashboard's HttpOnly cookie counts for reads only: a forged cross-site form can never change anything.
    const cookie = READ_METHODS.has(req.method)
      ? /(?:^|;\s*)loa_key=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
      : undefined;
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? cookie;
    if (!token) throw new UnauthorizedException('Missing API key: send "Authorization: Bearer <key>"');
    const principal = await this.keys.verify(token);
    if (!principal) throw new UnauthorizedException('Unknown or revoked API key');
    req.principal = principal;
    const allowed =
      this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ??
      (READ_METHODS.has(req.method) ? ['admin', 'operator', 'analyst'] : ['admin', 'operator']);
    if (!allowed.includes(principal.role)) {
      throw new ForbiddenException(`This action needs the role ${allowed.join(' or ')}; your key is ${principal.role}`);
    }
    if (this.reflector.getAllAndOverride<boolean>(NATIONAL_KEY, targets) && principal.unitId !== null) {
      throw new ForbiddenException('This is a national setting: it needs a key scoped to the whole country');
    }
    return true;
  }
}
