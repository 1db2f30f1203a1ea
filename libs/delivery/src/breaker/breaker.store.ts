import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { BreakerKeys } from '../limiter/gateway-keys';
import { BreakerSettings, BreakerState, BreakerStateName, BreakerWindow, bucketMs, CLOSED } from '../policy/breaker';
import { PROBE_LUA, RECORD_LUA, TRANSITION_LUA } from './breaker.lua';

type Reply = (string | number)[];
type Scripts = {
  loaBreakerRecord: (...a: (string | number)[]) => Promise<Reply>;
  loaBreakerTransition: (...a: (string | number)[]) => Promise<Reply>;
  loaBreakerProbe: (...a: (string | number)[]) => Promise<Reply>;
};

/** A probe send handed out while half-open: its outcome decides the breaker (from generation `gen`). */
export interface ProbeTicket {
  gatewayId: string;
  gen: number;
  member: string;
}

export type ProbeResult =
  | { kind: 'closed'; state: BreakerState }
  | { kind: 'granted'; state: BreakerState; ticket: ProbeTicket; began: boolean }
  | { kind: 'denied'; state: BreakerState; began: boolean };

/**
 * The breakers of every gateway in Redis, shared by all processes: counting, probe slots and compare-and-set
 * transitions (breaker.lua.ts). Decides nothing itself (policy/breaker.ts).
 */
export class BreakerStore {
  private readonly scripts: Scripts;

  constructor(
    private readonly redis: Redis,
    private readonly keys: (gatewayId: string) => BreakerKeys,
    private readonly settings: BreakerSettings,
  ) {
    const r = redis as unknown as Partial<Scripts>;
    if (!r.loaBreakerRecord) redis.defineCommand('loaBreakerRecord', { numberOfKeys: 2, lua: RECORD_LUA });
    if (!r.loaBreakerTransition) redis.defineCommand('loaBreakerTransition', { numberOfKeys: 3, lua: TRANSITION_LUA });
    if (!r.loaBreakerProbe) redis.defineCommand('loaBreakerProbe', { numberOfKeys: 2, lua: PROBE_LUA });
    this.scripts = redis as unknown as Scripts;
  }

  async read(gatewayIds: string[]): Promise<Map<string, BreakerState>> {
    const p = this.redis.pipeline();
    for (const id of gatewayIds) p.hmget(this.keys(id).state, 'state', 'gen', 'since', 'until');
    const res = (await p.exec()) ?? [];
    const out = new Map<string, BreakerState>();
    gatewayIds.forEach((id, i) => {
      const [err, v] = res[i] ?? [null, null];
      if (err) throw err;
      const [state, gen, since, until] = (v ?? []) as (string | null)[];
      out.set(
        id,
        state
          ? {
              state: state as BreakerStateName,
              gen: Number(gen ?? 0),
              sinceMs: Number(since ?? 0),
              untilMs: until ? Number(until) : null,
            }
          : CLOSED,
      );
    });
    return out;
  }

  /** Counts sends; the window's sums come back when failures were counted while closed (else zeros). */
  async record(
    gatewayId: string,
    failures: number,
    successes: number,
  ): Promise<{ state: BreakerStateName; gen: number } & BreakerWindow> {
    const k = this.keys(gatewayId);
    const r = await this.scripts.loaBreakerRecord(
      k.state,
      k.window,
      failures,
      successes,
      this.settings.windowMs,
      bucketMs(this.settings),
    );
    return { state: r[0] as BreakerStateName, gen: Number(r[1]), attempts: Number(r[2]), failures: Number(r[3]) };
  }

  /** Moves the breaker from generation `fromGen` to `to`; null when another process changed it first. */
  async transition(gatewayId: string, fromGen: number, to: 'open' | 'closed'): Promise<BreakerState | null> {
    const k = this.keys(gatewayId);
    const r = await this.scripts.loaBreakerTransition(
      k.state,
      k.window,
      k.probes,
      fromGen,
      to,
      this.settings.coolDownMs,
    );
    if (Number(r[0]) !== 1) return null;
    return { state: to, gen: Number(r[1]), sinceMs: Number(r[2]), untilMs: to === 'open' ? Number(r[3]) : null };
  }

  /** Asks for a probe send (open past its cool-down becomes half-open here); `ttlMs`: when an unreported one lapses. */
  async probe(gatewayId: string, ttlMs: number): Promise<ProbeResult> {
    const k = this.keys(gatewayId);
    const member = randomBytes(6).toString('hex');
    const [state, gen, since, until, granted, began] = await this.scripts.loaBreakerProbe(
      k.state,
      k.probes,
      this.settings.halfOpenProbes,
      ttlMs,
      member,
    );
    const st: BreakerState = {
      state: state as BreakerStateName,
      gen: Number(gen),
      sinceMs: Number(since),
      untilMs: Number(until) || null,
    };
    if (st.state === 'closed') return { kind: 'closed', state: st };
    if (Number(granted) === 1) {
      return { kind: 'granted', state: st, ticket: { gatewayId, gen: st.gen, member }, began: Number(began) === 1 };
    }
    return { kind: 'denied', state: st, began: Number(began) === 1 };
  }

  /** A probe that said nothing (our own fault): its slot goes back. */
  async release(t: ProbeTicket): Promise<void> {
    await this.redis.zrem(this.keys(t.gatewayId).probes, t.member);
  }
}
