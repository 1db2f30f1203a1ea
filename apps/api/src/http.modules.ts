import { Type } from '@nestjs/common';
import { AccessHttpModule } from './access/access-http.module';

/** The api's domain HTTP modules (controllers over the domain libs), one per domain. */
export const HTTP_MODULES: Type[] = [AccessHttpModule];
