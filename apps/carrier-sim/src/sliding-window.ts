/**
 * Counts events in the last `spanMs` (sliding, not calendar seconds): how a gateway that polices TPS strictly
 * sees its clients. Monotonic time, amortised O(1) per event.
 */
export class SlidingWindow {
  private ts: number[] = [];
  private head = 0;
  /** Highest count seen in any window ending at an event. */
  max = 0;

  constructor(private readonly spanMs = 1000) {}

  /** Records an event at `now` and returns how many events (this one included) fall in the window ending now. */
  hit(now: number): number {
    this.evict(now);
    this.ts.push(now);
    const n = this.ts.length - this.head;
    if (n > this.max) this.max = n;
    return n;
  }

  /** How many events the window ending at `now` holds, plus the one about to arrive. */
  peek(now: number): number {
    this.evict(now);
    return this.ts.length - this.head + 1;
  }

  private evict(now: number): void {
    while (this.head < this.ts.length && now - this.ts[this.head] >= this.spanMs) this.head++;
    if (this.head > 4096 && this.head * 2 > this.ts.length) {
      this.ts = this.ts.slice(this.head);
      this.head = 0;
    }
  }
}
