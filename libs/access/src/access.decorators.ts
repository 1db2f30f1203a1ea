import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Principal, Role } from './principal';

export const PUBLIC_KEY = 'loa:public';
export const ROLES_KEY = 'loa:roles';
export const NATIONAL_KEY = 'loa:national';

/** No API key needed (health, click redirects, gateway webhooks that authenticate their own way). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Roles allowed on a route. Without it: reads (GET/HEAD) are open to every role, and anything that changes
 * state needs operator or admin.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** National settings (gateways, queues, tokens): only a key scoped to the whole country may call the route. */
export const National = () => SetMetadata(NATIONAL_KEY, true);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal,
);
