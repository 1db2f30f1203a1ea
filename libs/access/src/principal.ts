export type Role = 'admin' | 'operator' | 'analyst';
export const ROLES: readonly Role[] = ['admin', 'operator', 'analyst'];

/** Who is calling: resolved from the API key on every request. */
export interface Principal {
  keyId: number;
  name: string;
  role: Role;
  /** The unit subtree the key is scoped to; null = the whole country. */
  unitId: number | null;
  /** Materialised path of that unit ("/1/7/"), null when unscoped. */
  unitPath: string | null;
}
