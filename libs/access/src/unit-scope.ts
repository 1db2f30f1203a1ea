import { ForbiddenException } from '@nestjs/common';
import { Principal } from './principal';

/**
 * Unit scoping. A key scoped to a unit sees and targets only that unit's subtree; an unscoped key sees all.
 * Paths are materialised ("/1/7/42/"), so "inside" is a prefix test, in SQL and here alike.
 */
export function isWithin(principal: Principal, unitPath: string | null): boolean {
  if (!principal.unitPath) return true;
  return !!unitPath && unitPath.startsWith(principal.unitPath);
}

export function assertWithin(principal: Principal, unitPath: string | null, what = 'This unit'): void {
  if (!isWithin(principal, unitPath)) {
    throw new ForbiddenException(`${what} is outside the area your API key is scoped to`);
  }
}

/**
 * SQL condition restricting `unitIdColumn` to the principal's subtree; pushes its parameter onto `params`.
 * Rows with no unit are visible only to unscoped keys.
 */
export function unitScopeSql(principal: Principal, unitIdColumn: string, params: unknown[]): string {
  if (!principal.unitPath) return 'TRUE';
  params.push(`${principal.unitPath}%`);
  return `${unitIdColumn} IN (SELECT id FROM units WHERE path LIKE $${params.length})`;
}
