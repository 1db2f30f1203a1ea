import { INestApplicationContext } from '@nestjs/common';

/** A CLI command: name, usage line, and what it does given the app context and its arguments. */
export interface CliCommand {
  name: string;
  usage: string;
  run(ctx: INestApplicationContext, args: Record<string, string>): Promise<void>;
}

/** Parses `--key value` and `--flag` arguments; positional ones land under `_0`, `_1`, … */
export function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) out[a.slice(2)] = 'true';
      else out[a.slice(2)] = argv[++i];
    } else out[`_${pos++}`] = a;
  }
  return out;
}
