import { InvalidReportError } from './channel.types';

/** The InvalidReportError status a report parser throws (fails the test when it does not throw one). */
export function reportErrorStatus(fn: () => unknown): number {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidReportError) return e.status;
    throw e;
  }
  throw new Error('expected an InvalidReportError, got none');
}
