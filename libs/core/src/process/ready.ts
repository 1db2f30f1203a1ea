/** What a process tells the one that started it once it serves (scripts/run-all.js listens, over Node's IPC). */
export interface ReadyMessage {
  type: 'loa:ready';
  role: 'api' | 'worker' | 'carrier-sim';
  /** The api: the port it listens on. The simulators: name → base URL. */
  port?: number;
  urls?: Record<string, string>;
}

/**
 * Says "ready" to the parent when it opened an IPC channel (`npm start`); does nothing otherwise. Independent of the
 * log level, so the start-up summary does not depend on what is logged.
 */
export function announceReady(msg: Omit<ReadyMessage, 'type'>): void {
  if (!process.send) return;
  process.send({ type: 'loa:ready', ...msg } satisfies ReadyMessage);
  process.channel?.unref(); // the channel alone must not keep a stopping process alive
}
