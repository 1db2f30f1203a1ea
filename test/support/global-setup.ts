import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = join(__dirname, '..', '..');
export const WORKER_MAIN = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
const LOCK = join(ROOT, 'dist', '.test-build.lock');
const SOURCE_DIRS = ['apps', 'libs', 'config'];

/** Newest modification time of the sources the worker is built from (tests and specs excluded). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(e.name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(e.name))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  try {
    const built = statSync(WORKER_MAIN).mtimeMs;
    return SOURCE_DIRS.every((d) => newestSource(join(ROOT, d)) <= built);
  } catch {
    return false;
  }
}

/**
 * Builds dist/ (the worker spawned by the fault tests) when it is missing or older than the sources. Parallel test
 * files share one build through a lock directory. Type errors do not stop the build: tsc still emits, and other
 * developers' work in progress must not block tests of code that compiles; they are printed instead.
 */
export async function ensureWorkerBuilt(): Promise<void> {
  if (isFresh()) return;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const until = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Someone else is building; a lock older than 3 minutes belongs to a build that died.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 180_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* removed meanwhile */
      }
      if (Date.now() > until) throw new Error(`waited 3 minutes for the build lock ${LOCK}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (isFresh()) return;
    const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
    const alias = join(ROOT, 'node_modules', '.bin', 'tsc-alias');
    try {
      await run(tsc, ['-p', 'tsconfig.build.json'], { cwd: ROOT, maxBuffer: 64 << 20 });
    } catch (e) {
      const out = (e as { stdout?: string }).stdout ?? String(e);
      process.stderr.write(`ensureWorkerBuilt: tsc reported errors (emitted anyway):\n${out.slice(0, 4000)}\n`);
    }
    await run(alias, ['-p', 'tsconfig.build.json'], { cwd: ROOT, maxBuffer: 64 << 20 });
    statSync(WORKER_MAIN); // throws with the path when the build produced no worker
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Jest globalSetup: one build before any test file spawns a worker. */
export default async function globalSetup(): Promise<void> {
  await ensureWorkerBuilt();
}
