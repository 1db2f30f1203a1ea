import { request } from 'undici';
import { SimConfigPatch, SimName } from '../sim-config';
import { SimHandle, Simulators, startSimulators } from '../simulators';

export interface SimUnderTest {
  sims: Simulators;
  sim: SimHandle;
  post(path: string, body: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
}

/** The simulators on free ports, `name` configured with `patch` (reports off: nothing listens for them here). */
export async function simUnderTest(name: SimName, patch: SimConfigPatch): Promise<SimUnderTest> {
  const sims = await startSimulators({ overrides: { [name]: { ...patch, dlr: { enabled: false } } } });
  const sim = sims[name];
  return {
    sims,
    sim,
    async post(path, body, headers = { 'content-type': 'application/json' }) {
      const res = await request(`${sim.url}${path}`, { method: 'POST', body, headers });
      return { status: res.statusCode, text: await res.body.text() };
    },
  };
}
