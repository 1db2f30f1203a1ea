import { ArgumentsHost, BadRequestException, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/** PostgreSQL's SQLSTATEs for a value it cannot take, and what the caller is told (never the SQL or the value). */
const INPUT_ERRORS: Record<string, string> = {
  '22P02': 'a value is not in the form expected (a number, an id or a date)',
  '22003': 'a number is out of range',
  '22021': 'a text contains a character that cannot be stored (such as NUL, \\u0000)',
  '22P05': 'a text contains a character that cannot be stored (such as NUL, \\u0000)',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22001': 'a text is too long',
  '54001': 'a value is nested too deeply',
};

/** The SQLSTATE of a PostgreSQL error (pg's DatabaseError, or TypeORM's QueryFailedError around it). */
function sqlState(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const { code, driverError } = e as { code?: unknown; driverError?: { code?: unknown } };
  const state = typeof code === 'string' ? code : driverError?.code;
  return typeof state === 'string' && /^[0-9A-Z]{5}$/.test(state) ? state : undefined;
}

/**
 * The backstop behind validation: an input PostgreSQL refuses is the caller's error (400), not ours (500). Each
 * is logged as a warning, because validation should have caught it first. Everything else goes to Nest's own
 * handling: HttpExceptions as they are, unknown errors as a bare 500 "Internal server error".
 */
@Catch()
export class InputErrorsFilter extends BaseExceptionFilter {
  private readonly log = new Logger('InputErrors');

  override catch(e: unknown, host: ArgumentsHost): void {
    const state = e instanceof HttpException ? undefined : sqlState(e);
    const problem = state && INPUT_ERRORS[state];
    if (!problem) return super.catch(e, host);
    const req = host.switchToHttp().getRequest<{ method?: string; originalUrl?: string }>();
    this.log.warn(`${req.method} ${req.originalUrl?.split('?')[0]}: PostgreSQL ${state} reached the database`);
    super.catch(
      new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `Invalid input: ${problem}` }),
      host,
    );
  }
}
