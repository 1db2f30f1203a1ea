/**
 * Gathers ids from concurrent callers into one batch: the first caller starts a short timer, and every caller's
 * promise settles when the batch holding its id has been handled. Turns N one-row transactions into one.
 */
export class Batcher<T> {
  private pending: { item: T; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly handle: (items: T[]) => Promise<unknown>,
    private readonly maxSize = 500,
    private readonly maxWaitMs = 10,
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return;
    this.handle(batch.map((b) => b.item)).then(
      () => batch.forEach((b) => b.resolve()),
      (e) => batch.forEach((b) => b.reject(e)),
    );
  }
}
