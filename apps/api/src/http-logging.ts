import type { Logger } from 'pino';
import pinoHttp from 'pino-http';

/**
 * Paths not logged when they succeed: click redirects, delivery reports, health checks and metrics scrapes are hot
 * or periodic, and the API docs page loads a handful of static assets.
 */
const QUIET_PATHS = /^\/(r\/|health|metrics|webhooks\/|api\/docs)/;

/**
 * One "request completed" line per request (status, time, caller address; the key and cookies redacted), mounted on
 * Express itself in front of every route, so that no route is logged twice.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    autoLogging: { ignore: (req) => QUIET_PATHS.test(req.url ?? '') },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
  });
}
