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
    // Fake time = anchor + 60 × real time since the anchor: bracketed by the real clock read around it (no bound on
    // how long the read takes, so a busy machine cannot fail it).
    const before = Date.now();
    const fakeNow = a.nowMs();
    const after = Date.now();
    expect(fakeNow).toBeGreaterThanOrEqual(anchorFake + (before - anchorReal) * 60 - 1);
    expect(fakeNow).toBeLessThanOrEqual(anchorFake + (after - anchorReal) * 60 + 1);
    const b0 = Date.now();
    const [fa, fb] = [a.nowMs(), b.nowMs()];
    expect(Math.abs(fa - fb)).toBeLessThanOrEqual((Date.now() - b0) * 60 + 1);
    expect(a.realDelay(60_000)).toBe(1000);
  });
});
