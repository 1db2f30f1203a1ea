import { INestApplication } from '@nestjs/common';
import { RedirectHandler } from './redirect.handler';

/**
 * The tracking routes hit by the public at volume, served in front of Nest's middleware stack. Call right after
 * NestFactory.create, before any parser or middleware is added (Express runs handlers in the order they are added).
 */
export function mountTrackingHotPaths(app: INestApplication): void {
  RedirectHandler.mount(app);
}
