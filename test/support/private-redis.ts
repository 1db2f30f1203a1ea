import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

/**
 * A throwaway `redis-server` on its own port, without persistence (`--save '' --appendonly no`): stopping it loses
 * every key, as a crashed Redis without AOF would. For fault tests that must not disturb the shared Redis.
 */
export class PrivateRedis {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private readonly dir = mkdtempSync(join(tmpdir(), 'loa-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const r = new PrivateRedis(await freePort());
    await r.start();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child;
  }

  /** Starts (again) on the same port, empty; resolves once it answers PING. */
  async start(): Promise<void> {
    if (this.child) return;
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const child = spawn('redis-server', [...args, '--dir', this.dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    this.child = child;
    live.add(child);
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        live.delete(child);
        if (this.child === child) this.child = undefined;
        resolve();
      }),
    );
    const until = Date.now() + 10_000;
    for (;;) {
      if (!this.child) throw new Error(`redis-server on port ${this.port} exited at start: ${stderr}`);
      const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await probe.connect();
        if ((await probe.ping()) === 'PONG') return;
      } catch {
        /* not listening yet */
      } finally {
        probe.disconnect();
      }
      if (Date.now() > until) throw new Error(`redis-server on port ${this.port} did not answer within 10 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Stops it, losing all data: SHUTDOWN NOSAVE, or SIGKILL (`hard`) as a crash would. */
  async stop(hard = false): Promise<void> {
    const child = this.child;
    if (!child) return;
    if (hard) child.kill('SIGKILL');
    else {
      const c = new Redis(this.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
      await c.call('SHUTDOWN', 'NOSAVE').catch(() => undefined); // the connection drops as it shuts down
      c.disconnect();
    }
    await this.exited;
  }

  /** Stops it for good and removes its directory. */
  async close(): Promise<void> {
    await this.stop(true);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
