import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '@loa/core';
import { ensureWorkerBuilt, ROOT, WORKER_MAIN } from './global-setup';
import { uniqueName } from './test-config';

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface WorkerProcessOptions {
  /** Shown in log file names and error messages. */
  name?: string;
  /** Extra environment (e.g. LOA_LOG_LEVEL); every inherited LOA_* variable is dropped so only `cfg` counts. */
  env?: Record<string, string>;
}

const LOG_DIR = join(tmpdir(), 'loa-test-workers');
const live = new Set<ChildProcess>();
// A test file that crashes must not leave workers sending into the next run's simulators.
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

/**
 * `node dist/apps/worker/src/main.js` as a child process with the given config (written to a JSON file for
 * LOA_CONFIG_FILE). Stdout and stderr go to `logFile`, which `tail()` reads for failure messages.
 */
export class WorkerProcess {
  readonly name: string;
  readonly logFile: string;
  readonly configFile: string;
  private child?: ChildProcess;
  private exited?: Promise<WorkerExit>;
  private lastExit?: WorkerExit;
  private starts = 0;

  private constructor(
    readonly cfg: AppConfig,
    private readonly opts: WorkerProcessOptions,
  ) {
    this.name = opts.name ?? uniqueName('worker');
    mkdirSync(LOG_DIR, { recursive: true });
    // Unique per process and start, even for a fixed name: two copies of the suite may run at once on one machine,
    // and a worker reading the other copy's config would serve the other copy's queues.
    const file = opts.name ? uniqueName(opts.name) : this.name;
    this.logFile = join(LOG_DIR, `${file}.log`);
    this.configFile = join(LOG_DIR, `${file}.config.json`);
    writeFileSync(this.logFile, '');
  }

  /** Builds dist/ if needed, then spawns the worker. */
  static async start(cfg: AppConfig, opts: WorkerProcessOptions = {}): Promise<WorkerProcess> {
    await ensureWorkerBuilt();
    const w = new WorkerProcess(cfg, opts);
    w.spawn();
    return w;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && !this.lastExit;
  }

  private spawn(): void {
    writeFileSync(this.configFile, JSON.stringify(this.cfg, null, 2));
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LOA_')) env[k] = v;
    Object.assign(env, { NODE_ENV: this.cfg.env, LOA_CONFIG_FILE: this.configFile }, this.opts.env);
    const fd = openSync(this.logFile, 'a');
    writeFileSync(fd, `--- start #${++this.starts} at ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, [WORKER_MAIN], { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    this.child = child;
    this.lastExit = undefined;
    live.add(child);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        live.delete(child);
        this.lastExit = { code, signal };
        resolve(this.lastExit);
      });
    });
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (this.running) this.child!.kill(signal);
  }

  /** Resolves when the process has exited; throws (with the log tail) if it is still running after `timeoutMs`. */
  async waitForExit(timeoutMs = 15_000): Promise<WorkerExit> {
    if (!this.exited) throw new Error(`${this.name} was never started`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${this.name} still running after ${timeoutMs} ms\n${this.tail()}`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Graceful stop (SIGTERM: Nest shutdown hooks close the BullMQ workers), SIGKILL if that hangs. */
  async stop(graceMs = 10_000): Promise<WorkerExit | undefined> {
    if (!this.running) return this.lastExit;
    this.kill('SIGTERM');
    try {
      return await this.waitForExit(graceMs);
    } catch {
      this.kill('SIGKILL');
      return this.waitForExit(5_000);
    }
  }

  /** Stops the process (gracefully unless `signal` says otherwise) and starts it again with the same config. */
  async restart(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.running) {
      if (signal === 'SIGTERM') await this.stop();
      else {
        this.kill(signal);
        await this.waitForExit();
      }
    }
    this.spawn();
  }

  /** The last `lines` lines of the log, for assertion messages. */
  tail(lines = 40): string {
    const all = readFileSync(this.logFile, 'utf8').trimEnd().split('\n');
    return `--- ${this.name} (${this.logFile}), last ${lines} lines:\n${all.slice(-lines).join('\n')}`;
  }

  /** The whole log so far. */
  log(): string {
    return readFileSync(this.logFile, 'utf8');
  }
}

/** Spawns a worker process; see WorkerProcess. */
export function startWorkerProcess(cfg: AppConfig, opts: WorkerProcessOptions = {}): Promise<WorkerProcess> {
  return WorkerProcess.start(cfg, opts);
}
