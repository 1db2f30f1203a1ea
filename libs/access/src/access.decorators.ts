import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Principal, Role } from './principal';

export const PUBLIC_KEY = 'loa:public';
export const ROLES_KEY = 'loa:roles';

/** No API key needed (health, click redirects, gateway webhooks that authenticate their own way). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Roles allowed on a route. Without it: reads (GET/HEAD) are open to every role, and anything that changes
 * state needs operator or admin.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal,
);
