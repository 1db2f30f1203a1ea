import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NATIONAL_KEY, PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import { CREDENTIAL_PROBLEMS, RequestCredentials } from './credentials/request-credentials';
import { Role } from './principal';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Global guard: every route needs `Authorization: Bearer <key>` (or, to read, a session) unless marked @Public(). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: RequestCredentials,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const principal = await this.credentials.principalOf(req);
    if (typeof principal === 'string') throw new UnauthorizedException(CREDENTIAL_PROBLEMS[principal]);
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
