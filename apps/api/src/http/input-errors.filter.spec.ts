import { ArgumentsHost, BadRequestException, HttpServer, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { InputErrorsFilter } from './input-errors.filter';

/** What the filter answers for an error, through a stand-in for the HTTP adapter (reply = status + body). */
function answer(e: unknown): { status: number; body: Record<string, unknown> } {
  const out = { status: 0, body: {} as Record<string, unknown> };
  const adapter = {
    isHeadersSent: () => false,
    reply: (_res: unknown, body: Record<string, unknown>, status: number) => Object.assign(out, { status, body }),
  } as unknown as HttpServer;
  const host = {
    getArgByIndex: () => ({}),
    getArgs: () => [{}, {}],
    switchToHttp: () => ({
      getRequest: () => ({ method: 'GET', originalUrl: '/api/v1/x?secret=1' }),
      getResponse: () => ({}),
    }),
  } as unknown as ArgumentsHost;
  new InputErrorsFilter(adapter).catch(e, host);
  return out;
}

const pgError = (code: string) =>
  new QueryFailedError(
    'SELECT $1::int',
    ['99999999999'],
    Object.assign(new Error('out of range for type integer'), { code }),
  );

describe('InputErrorsFilter', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it.each([
    ['22P02', /not in the form expected/],
    ['22003', /number is out of range/],
    ['22021', /NUL/],
    ['22P05', /NUL/],
    ['22007', /date or time is not valid/],
    ['22008', /date or time is out of range/],
    ['22001', /too long/],
    ['54001', /nested too deeply/],
  ])('answers PostgreSQL %s with a 400 that shows neither the SQL nor the value', (code, message) => {
    const { status, body } = answer(pgError(code));
    expect([status, body.message]).toEqual([400, expect.stringMatching(message)]);
    expect(JSON.stringify(body)).not.toMatch(/SELECT|99999999999|integer/);
  });

  it('also reads the code of a bare pg error', () => {
    expect(answer(Object.assign(new Error('invalid input syntax'), { code: '22P02' })).status).toBe(400);
  });

  it('leaves HTTP errors as they are, and answers anything else a bare 500', () => {
    expect(answer(new BadRequestException('phone: required'))).toEqual({
      status: 400,
      body: expect.objectContaining({ message: 'phone: required' }),
    });
    for (const e of [pgError('23505'), pgError('57P01'), new RangeError('Maximum call stack size exceeded')]) {
      expect(answer(e)).toEqual({ status: 500, body: { statusCode: 500, message: 'Internal server error' } });
    }
  });
});
