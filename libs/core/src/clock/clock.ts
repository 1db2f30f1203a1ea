import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { vietnamDate } from './vietnam-time';

/**
 * The one source of "now" for scheduling, quiet hours and validity. In tests, LOA_FAKE_CLOCK
 * ("anchorRealMs,anchorFakeMs,speed") makes time start at anchorFake and run `speed` times faster; every process
 * given the same value agrees on the time, so multi-process tests can cover days in seconds.
 */
@Injectable()
export class Clock {
  private readonly anchorReal: number = 0;
  private readonly anchorFake: number = 0;
  private readonly speed: number = 1;
  private readonly fake: boolean;

  constructor(@Inject(APP_CONFIG) cfg: Pick<AppConfig, 'fakeClock'>) {
    this.fake = !!cfg.fakeClock;
    if (cfg.fakeClock) [this.anchorReal, this.anchorFake, this.speed] = cfg.fakeClock.split(',').map(Number);
  }

  nowMs(): number {
    const real = Date.now();
    return this.fake ? this.anchorFake + (real - this.anchorReal) * this.speed : real;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Today's date in Vietnam (Asia/Ho_Chi_Minh), `YYYY-MM-DD`. */
  today(): string {
    return vietnamDate(this.nowMs());
  }

  /** Real milliseconds to wait for `fakeMs` of clock time to pass. */
  realDelay(fakeMs: number): number {
    return Math.max(0, Math.ceil(fakeMs / this.speed));
  }
}
