import { SlidingWindow } from './sliding-window';

describe('SlidingWindow', () => {
  it.each([
    // arrival times (ms) → count returned at each arrival
    [
      [0, 100, 999],
      [1, 2, 3],
    ],
    [
      [0, 1000, 1001],
      [1, 1, 2],
    ], // an event exactly 1000 ms old has left the window
    [
      [0, 500, 999, 1499, 1500],
      [1, 2, 3, 3, 3],
    ],
    [
      [900, 950, 1000, 1050, 1100],
      [1, 2, 3, 4, 5],
    ], // crosses a calendar second: still one sliding window
  ])('arrivals %j count %j', (times, counts) => {
    const w = new SlidingWindow();
    expect(times.map((t) => w.hit(t))).toEqual(counts);
    expect(w.max).toBe(Math.max(...counts));
  });

  it('sees the burst a fixed-window limiter lets through (2 × 5 around a second boundary)', () => {
    const w = new SlidingWindow();
    for (const t of [990, 991, 992, 993, 994, 1000, 1001, 1002, 1003, 1004]) w.hit(t);
    expect(w.max).toBe(10);
  });

  it('peek counts the next arrival without recording it', () => {
    const w = new SlidingWindow();
    w.hit(0);
    expect(w.peek(10)).toBe(2);
    expect(w.peek(1000)).toBe(1);
  });
});
