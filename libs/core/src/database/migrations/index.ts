import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Campaigns1764000100000 } from './1764000100000-Campaigns';
import { SubscriberImports1764000200000 } from './1764000200000-SubscriberImports';
import { Tracking1764000600000 } from './1764000600000-Tracking';

/** Every migration, in order. New migrations are added here (and only here). */
export const MIGRATIONS = [Foundation1764000000000, Campaigns1764000100000, SubscriberImports1764000200000, Tracking1764000600000];
