import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Campaigns1764000100000 } from './1764000100000-Campaigns';

/** Every migration, in order. New migrations are added here (and only here). */
export const MIGRATIONS = [Foundation1764000000000, Campaigns1764000100000];
