/**
 * `npm run bench -- --size 100000 [--only import,fanout]`: runs every benchmark at one size, prints one table
 * (each figure beside its raw baseline measured in the same run, and the ratio) and writes
 * bench/results/<timestamp>-<size>.json with machine information.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';

export type BenchResult = Record<string, number | string>;
type BenchFn = (size: number) => Promise<BenchResult>;

/** Module file (relative to this one) and the exported function of each benchmark. */
const BENCHES: [name: string, module: string, fn: string][] = [
  ['import', './import.bench', 'runImportBench'],
  ['segments', './segments.bench', 'runSegmentsBench'],
  ['fanout', './fanout.bench', 'runFanoutBench'],
  ['dispatch', './dispatch.bench', 'runDispatchBench'],
  ['throttle', './throttle.bench', 'runThrottleBench'],
  ['redirect', './redirect.bench', 'runRedirectBench'],
  ['reports', './reports.bench', 'runReportsBench'],
  ['campaign-rss', './campaign-rss.bench', 'runCampaignRssBench'],
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fmt(v: number | string): string {
  if (typeof v === 'string') return v;
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

async function main(): Promise<void> {
  const size = Number(arg('size') ?? process.argv[2] ?? 100_000);
  if (!Number.isInteger(size) || size < 1000) throw new Error('--size must be a whole number ≥ 1000');
  const only = arg('only')?.split(',');
  const results: Record<string, BenchResult | { error: string }> = {};
  for (const [name, mod, fn] of BENCHES) {
    if (only && !only.includes(name)) continue;
    let run: BenchFn | undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      run = require(mod)[fn] as BenchFn;
    } catch {
      results[name] = { error: 'not available' };
      continue;
    }
    process.stderr.write(`bench: ${name} at ${size.toLocaleString('en-US')}…\n`);
    try {
      results[name] = await run(size);
    } catch (e) {
      results[name] = { error: (e as Error).message };
    }
  }
  const machine = {
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kernel: release(),
  };
  console.log(
    `\nLoa benchmarks, size ${size.toLocaleString('en-US')} — ${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}\n`,
  );
  console.log('| benchmark | measure | value |');
  console.log('|---|---|---|');
  for (const [name, r] of Object.entries(results)) {
    for (const [k, v] of Object.entries(r)) console.log(`| ${name} | ${k} | ${fmt(v)} |`);
  }
  mkdirSync(join(__dirname, '..', '..', 'bench', 'results'), { recursive: true });
  const file = join(
    __dirname,
    '..',
    '..',
    'bench',
    'results',
    `${new Date().toISOString().replace(/[:.]/g, '-')}-${size}.json`,
  );
  writeFileSync(file, JSON.stringify({ size, at: new Date().toISOString(), machine, results }, null, 2));
  console.log(`\nwritten: ${file}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
