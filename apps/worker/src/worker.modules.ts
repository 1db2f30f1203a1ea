import { Type } from '@nestjs/common';

/** The worker's domain modules: processors and the scheduler. */
export const WORKER_MODULES: Type[] = [];
