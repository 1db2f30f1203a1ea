/**
 * Subscriber import throughput and memory, beside a raw baseline measured in the same run.
 *
 *   npm run build && node dist/bench/import.bench.js 1000000
 *
 * Generates a CSV of N rows (every carrier, the demo communes, shapes as real lists have them, 1% bad rows and
 * 0.1% duplicates), creates its own database, runs the real SubscriberImportService on it (first import, then the
 * same file again), sampling RSS every 50 ms, and measures a raw `COPY FROM STDIN` of the same file into a plain
 * table (pg-copy-streams) as the baseline.
 */
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@loa/core';
import { AuditService, Principal } from '@loa/access';
import { ImportsRepository, MOBILE_PREFIXES, SubscriberImportService } from '@loa/subscribers';
import { UnitsService, demoUnitsCsvPath } from '@loa/units';
import { createTestDatabase, dropTestDatabase, sqlClient } from '../test/support/test-database';
import { testConfig, uniqueName } from '../test/support/test-config';

const SHAPES = [
  (p: string, s: string) => `0${p}${s}`,
  (p: string, s: string) => `+84 ${p} ${s.slice(0, 3)} ${s.slice(3)}`,
  (p: string, s: string) => `0${p}.${s.slice(0, 3)}.${s.slice(3)}`,
  (p: string, s: string) => `84${p}${s}`,
];

async function generateCsv(path: string, size: number, unitCodes: string[]): Promise<void> {
  const out = createWriteStream(path);
  const prefixes = Object.keys(MOBILE_PREFIXES);
  out.write('Số điện thoại,Họ tên,unit_code,tags,Thôn\n');
  let buf = '';
  for (let i = 0; i < size; i++) {
    let phone: string;
    if (i % 100 === 99)
      phone = `024${String(i % 1e8).padStart(8, '0')}`; // landline: rejected
    else {
      const n = i % 1000 === 501 ? i - 1 : i; // duplicate of the previous line
      const p = prefixes[n % prefixes.length];
      const s = String(Math.floor(n / prefixes.length)).padStart(7, '0');
      phone = SHAPES[n % SHAPES.length](p, s);
    }
    buf += `${phone},Người ${i},${unitCodes[i % unitCodes.length]},${i % 3 ? 'resident' : 'teacher;parent'},Thôn ${i % 12}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

/** CPU seconds (user + system) a local PostgreSQL backend has used, or null when /proc does not show it. */
function backendCpuSeconds(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // USER_HZ
  } catch {
    return null;
  }
}

interface Measured<T> {
  value: T;
  ms: number;
  peakRssMiB: number;
  /** CPU seconds of this process and of the import's PostgreSQL backend: steadier than wall time on a shared box. */
  nodeCpuS: number;
  dbCpuS: number | null;
}

/**
 * Runs `fn` while sampling RSS (and the CPU time of the backend `backendPid()` names, once known) every 50 ms;
 * returns its result, the elapsed ms, the peak RSS in MiB and the CPU seconds used.
 */
async function measured<T>(fn: () => Promise<T>, backendPid: () => number | null = () => null): Promise<Measured<T>> {
  let peak = process.memoryUsage().rss;
  let dbCpu: number | null = null;
  let dbCpuStart: number | null = null;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
    const c = backendCpuSeconds(backendPid());
    if (c !== null) {
      dbCpuStart ??= c;
      dbCpu = c;
    }
  };
  const timer = setInterval(sample, 50);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const value = await fn();
    const cpu = process.cpuUsage(cpu0);
    return {
      value,
      ms: performance.now() - t0,
      peakRssMiB: Math.max(peak, process.memoryUsage().rss) / 2 ** 20,
      nodeCpuS: (cpu.user + cpu.system) / 1e6,
      dbCpuS: dbCpu === null || dbCpuStart === null ? null : dbCpu - dbCpuStart,
    };
  } finally {
    clearInterval(timer);
  }
}

const cpuS = (s: number | null): number | string => (s === null ? 'n/a' : Math.round(s * 100) / 100);

export async function runImportBench(size: number): Promise<Record<string, number | string>> {
  const cfg = testConfig(uniqueName('loa_bench_import'));
  await createTestDatabase(cfg);
  const ds = await new DataSource(dataSourceOptions(cfg)).initialize();
  const dir = await mkdtemp(join(tmpdir(), 'loa-import-bench-'));
  try {
    await new UnitsService(ds).importCsv(readFileSync(demoUnitsCsvPath()));
    const communes: { code: string }[] = await ds.query(`SELECT code FROM units WHERE level = 'commune' ORDER BY code`);
    const [key] = await ds.query(
      `INSERT INTO api_keys (name, prefix, secret_hash, role) VALUES ('bench', 'bench0000000', 'x', 'admin') RETURNING id`,
    );
    const who: Principal = { keyId: key.id, name: 'bench', role: 'admin', unitId: null, unitPath: null };
    const csv = join(dir, 'subscribers.csv');
    await generateCsv(
      csv,
      size,
      communes.map((c) => c.code),
    );
    const bytes = (await stat(csv)).size;
    const service = new SubscriberImportService(ds, new ImportsRepository(ds), new AuditService(ds), cfg);

    // The service deletes its upload when done, so each run gets a copy.
    const importOnce = async () => {
      const copy = join(dir, `upload-${Date.now()}.csv`);
      await pipeline(createReadStream(csv), createWriteStream(copy));
      let pid: number | null = null;
      return measured(
        async () => {
          const started = await service.start({ path: copy, filename: 'bench.csv' }, who);
          const [b] = await ds.query(
            `SELECT pid FROM pg_stat_activity WHERE application_name = 'loa-import' AND datname = current_database()`,
          );
          pid = b?.pid ?? null;
          return started.done;
        },
        () => pid,
      );
    };
    const rssBefore = process.memoryUsage().rss / 2 ** 20;
    const first = await importOnce();
    if (first.value.status !== 'completed') throw new Error(`import ${first.value.status}: ${first.value.error}`);
    const second = await importOnce();

    // Baseline: the same bytes, straight into a plain table with COPY FROM STDIN.
    const client = await sqlClient(cfg);
    let raw: Measured<void>;
    try {
      await client.query(`CREATE TABLE bench_raw (phone text, name text, unit_code text, tags text, village text)`);
      const [{ pid }] = (await client.query(`SELECT pg_backend_pid() AS pid`)).rows;
      raw = await measured(
        () => pipeline(createReadStream(csv), client.query(copyFrom(`COPY bench_raw FROM STDIN (FORMAT csv, HEADER)`))),
        () => pid,
      );
    } finally {
      await client.end();
    }
    const importRate = size / (first.ms / 1000);
    const rawRate = size / (raw.ms / 1000);
    return {
      rows: size,
      'file MiB': Math.round((bytes / 2 ** 20) * 10) / 10,
      'import rows/s': Math.round(importRate),
      'import s': Math.round(first.ms) / 1000,
      inserted: first.value.inserted,
      rejected: first.value.rowsRejected,
      'import node CPU s': cpuS(first.nodeCpuS),
      'import db CPU s': cpuS(first.dbCpuS),
      'import peak RSS MiB': Math.round(first.peakRssMiB),
      'RSS before import MiB': Math.round(rssBefore),
      're-import rows/s': Math.round(size / (second.ms / 1000)),
      're-import inserted+updated': second.value.inserted + second.value.updated,
      're-import node CPU s': cpuS(second.nodeCpuS),
      're-import db CPU s': cpuS(second.dbCpuS),
      'baseline raw COPY rows/s': Math.round(rawRate),
      'baseline node+db CPU s': cpuS(raw.nodeCpuS + (raw.dbCpuS ?? 0)),
      'import / raw COPY': Math.round((importRate / rawRate) * 100) / 100,
    };
  } finally {
    await ds.destroy();
    await rm(dir, { recursive: true, force: true });
    await dropTestDatabase(cfg);
  }
}

if (require.main === module) {
  const size = Number(process.argv[2] ?? 100_000);
  runImportBench(size).then(
    (r) => {
      for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(28)} ${v}`);
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
