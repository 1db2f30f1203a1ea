import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '@loa/core';
import {
  mergeRegistry,
  registryAdditions,
  type SimConfig,
  type SimConfigPatch,
  type SimMessage,
  type SimName,
  type SimStatsSnapshot,
  type SimTemplateSpec,
} from '../../apps/carrier-sim/src';
import { ensureWorkerBuilt, ROOT } from './global-setup';
import { uniqueName } from './test-config';
import { waitFor } from './wait';

const SIM_MAIN = join(ROOT, 'dist', 'apps', 'carrier-sim', 'src', 'main.js');
const NAMES: SimName[] = ['viettel', 'vnpt', 'esms', 'zalo'];

/** One simulator of a separate simulator process, driven through its HTTP control API (`/_sim/*`). */
export class RemoteSim {
  constructor(
    readonly name: SimName,
    readonly url: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${this.name} ${method} ${path}: HTTP ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  stats = () =>
    this.call<SimStatsSnapshot & { protocol?: Record<string, Record<string, number>> }>('GET', '/_sim/stats');
  config = () => this.call<SimConfig>('GET', '/_sim/config');
  configure = (patch: SimConfigPatch) => this.call<SimConfig>('POST', '/_sim/config', patch);
  reset = () => this.call<{ ok: true }>('POST', '/_sim/reset');
  messages = (phone?: string) =>
    this.call<SimMessage[]>('GET', `/_sim/messages?limit=10000000${phone ? `&phone=${phone}` : ''}`);
}

export interface SimProcess {
  viettel: RemoteSim;
  vnpt: RemoteSim;
  esms: RemoteSim;
  zalo: RemoteSim;
  all: RemoteSim[];
  stop(): Promise<void>;
}

/**
 * The four gateway simulators in their own process (`dist/apps/carrier-sim/src/main.js`, as `npm start` runs them),
 * each taking its credentials and rate from `cfg`'s gateways. Its arrival clock is then not stalled by the test
 * process's own work — a real gateway's is not either — which is what a throttling assertion needs.
 */
export async function startSimulatorProcess(cfg: AppConfig): Promise<SimProcess> {
  await ensureWorkerBuilt();
  const dir = join(tmpdir(), 'loa-test-sims');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${uniqueName('sims')}.json`);
  const simCfg = structuredClone(cfg);
  simCfg.simulator.ports = { viettel: 0, vnpt: 0, esms: 0, zalo: 0 };
  writeFileSync(file, JSON.stringify(simCfg));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LOA_')) env[k] = v;
  Object.assign(env, { NODE_ENV: cfg.env, LOA_CONFIG_FILE: file });
  const child: ChildProcess = spawn(process.execPath, [SIM_MAIN], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A real gateway runs on its own machine: its arrival clock does not stall when the test machine is busy. Here the
  // simulators share two cores with everything else, so they get a higher CPU priority (root only; else ignored).
  try {
    setPriority(child.pid!, -10);
  } catch {
    /* not permitted: run at normal priority */
  }
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const urls = () => new Map([...out.matchAll(/^(\w+)\s+(http:\/\/\S+)/gm)].map((m) => [m[1], m[2]]));
  await waitFor(`the simulator process to listen (${out})`, async () => urls().size === NAMES.length, 30_000, 50);
  const sims = Object.fromEntries(NAMES.map((n) => [n, new RemoteSim(n, urls().get(n)!)])) as Record<
    SimName,
    RemoteSim
  >;
  return {
    ...sims,
    all: NAMES.map((n) => sims[n]),
    stop: async () => {
      process.removeListener('exit', kill);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** registerAtSimulators for a simulator process: each registration added to its simulator's registry over HTTP. */
export async function registerAtRemoteSimulators(
  sims: SimProcess,
  cfg: Pick<AppConfig, 'gateways'>,
  tpl: SimTemplateSpec,
): Promise<void> {
  for (const [name, add] of Object.entries(registryAdditions(cfg.gateways, tpl))) {
    const sim = sims[name as SimName];
    await sim.configure({ registry: mergeRegistry((await sim.config()).registry, add!) });
  }
}
