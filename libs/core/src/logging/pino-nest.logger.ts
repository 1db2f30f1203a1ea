import { LoggerService } from '@nestjs/common';
import pino, { Level, Logger } from 'pino';
import { AppConfig } from '../config/config.schema';

/** Secrets a log line must never carry (API keys, gateway signatures). */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-zevent-signature"]',
  // Signing in answers with the session id.
  'res.headers["set-cookie"]',
];

/** One JSON logger per process, at the configured level. */
export function createRootLogger(cfg: Pick<AppConfig, 'log'>): Logger {
  return pino({ level: cfg.log.level, redact: REDACT });
}

/**
 * Nest's start-up chatter: a line per module wired and per route mapped (~150 in the api). Logged at debug, so a
 * first start shows what matters (LOA_LOG_LEVEL=debug brings them back). RoutesResolver's per-controller lines are
 * dropped: they print the global prefix even for controllers served outside it; RouterExplorer's route lines, which
 * give every route's real path, stay.
 */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RouterExplorer', 'NestFactory']);
const DROPPED_CONTEXTS = new Set(['RoutesResolver']);

/** Nest's LoggerService over pino: `context` as a field, errors with their stack. */
export class PinoNestLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    // Nest passes the context last: log(message, context) / error(message, stack, context).
    const context = params.length && typeof params[params.length - 1] === 'string' ? String(params.pop()) : undefined;
    if (context && DROPPED_CONTEXTS.has(context)) return;
    if (level === 'info' && context && START_UP_CONTEXTS.has(context)) level = 'debug';
    const fields: Record<string, unknown> = context ? { context } : {};
    if (level === 'error' && typeof params[0] === 'string') fields.stack = params[0];
    if (message instanceof Error) {
      fields.err = message;
      this.pino[level](fields, message.message);
    } else if (message && typeof message === 'object') {
      this.pino[level]({ ...fields, ...(message as object) });
    } else {
      this.pino[level](fields, String(message));
    }
  }
}
