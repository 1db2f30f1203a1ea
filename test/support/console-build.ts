import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './global-setup';

const run = promisify(execFile);
const CONSOLE_SRC = join(ROOT, 'apps', 'console');
export const CONSOLE_INDEX = join(ROOT, 'dist', 'console', 'index.html');
const SHARED = join(ROOT, 'libs', 'subscribers', 'src', 'import', 'column-aliases.ts');

function newest(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n = Math.max(n, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return n;
}

/** Builds dist/console (vite) when it is missing or older than the console's sources: the api serves those files. */
export async function ensureConsoleBuilt(): Promise<void> {
  try {
    const built = statSync(CONSOLE_INDEX).mtimeMs;
    if (Math.max(newest(CONSOLE_SRC), statSync(SHARED).mtimeMs) <= built) return;
  } catch {
    /* not built yet */
  }
  await run('npm', ['run', '--silent', 'build:console'], { cwd: ROOT, maxBuffer: 64 << 20 });
  statSync(CONSOLE_INDEX); // throws with the path when the build produced nothing
}
