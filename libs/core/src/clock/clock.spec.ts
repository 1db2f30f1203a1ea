import { Clock } from './clock';

describe('Clock', () => {
  it('is the system time without a fake clock', () => {
    const c = new Clock({});
    expect(Math.abs(c.nowMs() - Date.now())).toBeLessThan(50);
    expect(c.realDelay(1000)).toBe(1000);
  });

  it('runs from the anchor at the given speed, the same in every process given the same setting', () => {
    const anchorReal = Date.now() - 2000;
    const anchorFake = Date.UTC(2020, 7, 3, 2, 0, 0);
    const a = new Clock({ fakeClock: `${anchorReal},${anchorFake},60` });
    const b = new Clock({ fakeClock: `${anchorReal},${anchorFake},60` });
    const elapsed = a.nowMs() - anchorFake;
    expect(elapsed).toBeGreaterThanOrEqual(120_000);
    expect(elapsed).toBeLessThan(125_000);
    expect(Math.abs(a.nowMs() - b.nowMs())).toBeLessThan(200);
    expect(a.realDelay(60_000)).toBe(1000);
  });
});
