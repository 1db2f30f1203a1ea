import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM');
const size = z.string().regex(/^\s*\d+(\.\d+)?\s*(b|kb|mb|gb)?\s*$/i, 'must be a size such as "256kb" or "4mb"');
const carrier = z.enum(['viettel', 'vinaphone', 'mobifone', 'vietnamobile', 'gmobile', 'itel']);

export const gatewaySchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  channel: z.enum(['sms', 'zns']),
  protocol: z.enum(['viettel-soap', 'vnpt-json', 'esms-json', 'zalo-zns']),
  endpoint: z.url(),
  oauthEndpoint: z.url().optional(),
  credentials: z.record(z.string(), z.string()),
  ratePerSecond: z.number().int().positive(),
  pricePerSegment: z.number().nonnegative(),
  webhookSecret: z.string().min(8),
  /** Source addresses allowed to post delivery reports; empty = any. */
  webhookAllowIps: z.array(z.string()).default([]),
  timeoutMs: z.number().int().positive().default(10_000),
  maxAttempts: z.number().int().positive().default(6),
  /**
   * A send whose answer was lost (worker killed mid-send, timeout after the request went out): `resend` at once with
   * the same request id (only for gateways that dedupe on it), `await-report` (wait up to dispatch.inDoubtGraceMs for
   * a delivery report naming it; then SMS resends, Zalo falls back to the next channel) or `hold-for-operator`.
   */
  inDoubt: z.enum(['resend', 'await-report', 'hold-for-operator']).default('await-report'),
  /** Jobs in flight per worker process for this gateway; default derived from the rate (docs/dispatch.md). */
  concurrency: z.number().int().positive().max(1000).optional(),
});

export const configSchema = z
  .strictObject({
    env: z.enum(['development', 'test', 'production']),
    api: z.strictObject({
      port: z.number().int().min(0).max(65535),
      publicBaseUrl: z.url(),
      /** JSON and form bodies (and delivery reports): a size such as "256kb"; past it, 413. */
      bodyLimit: size,
      /** The routes that take lists of up to 100,000 numbers or installs (POST /installs, POST /dnc as JSON). */
      bulkBodyLimit: size.default('8mb'),
      uploadLimitMb: z.number().int().positive(),
    }),
    database: z.strictObject({
      url: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
      poolSize: z.number().int().positive(),
      migrateOnStart: z.boolean(),
    }),
    redis: z.strictObject({
      url: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
      prefix: z.string().regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, _ and - only (BullMQ forbids ":")'),
    }),
    log: z.strictObject({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) }),
    /** Test hook: "anchorRealMs,anchorFakeMs,speed" makes every process share one fast-forwarded clock. */
    fakeClock: z
      .string()
      .regex(/^\d+,\d+,\d+(\.\d+)?$/, 'must be "anchorRealMs,anchorFakeMs,speed"')
      .optional(),
    campaignDefaults: z.strictObject({
      timezone: z.literal('Asia/Ho_Chi_Minh'),
      windowStart: hhmm,
      windowEnd: hhmm,
      frequencyCap: z.number().int().positive(),
      capWindowHours: z.number().int().positive(),
      validityHours: z.number().int().positive(),
      targetUrl: z.url(),
      /**
       * Hosts a campaign's link may lead to (https only, exact host names): short links carry a government
       * department's name, so they never point at a look-alike host. The default target's host is always allowed.
       */
      allowedTargetHosts: z
        .array(z.string().regex(/^[a-z0-9.-]+$/, 'lowercase host names'))
        .default(['bluezone.gov.vn', 'play.google.com', 'apps.apple.com']),
    }),
    links: z.strictObject({ codeLength: z.number().int().min(6).max(22) }),
    /** Delivery reports, clicks, installs and the statistics roll-up (see docs/tracking.md, docs/stats.md). */
    tracking: z
      .strictObject({
        reportSweepMs: z.number().int().positive().default(2000),
        clickBatchSize: z.number().int().positive().default(1000),
        installWindowDays: z.number().int().positive().default(7),
        statsRollupMs: z.number().int().positive().default(5000),
        /** How long after a run expires its statistics keep being rebuilt on every pass (late reports). */
        liveGraceHours: z.number().int().nonnegative().default(6),
      })
      .prefault({}),
    worker: z.strictObject({
      schedulerIntervalMs: z.number().int().positive(),
      fanoutBatchSize: z.number().int().positive(),
      /** Worker's own Prometheus /metrics port (the worker has no other HTTP); 0 = off. */
      metricsPort: z.number().int().min(0).max(65535).default(0),
      metricsHost: z.string().default('127.0.0.1'),
    }),
    /** Dispatch engine: the strict sliding-window limiter and batching (see docs/dispatch.md). */
    dispatch: z
      .strictObject({
        /** Grants are spaced over 1000 ms + this margin, absorbing jitter between our grant and the arrival. */
        windowMarginMs: z.number().int().min(0).max(200).default(100),
        /** A sender that wakes later than this after its grant takes a new one (the late grant is wasted). */
        lateToleranceMs: z.number().int().min(0).max(200).default(20),
        /** Longest a job waits in-process for a limiter slot; beyond it the job is delayed in the queue. */
        maxLimiterWaitMs: z.number().int().positive().default(3000),
        /** Deliveries read and enqueued per batch by dispatch-run. */
        batchSize: z.number().int().positive().default(1000),
        /** When Zalo's quota is exhausted, move deliveries that have a next channel to it instead of waiting. */
        fallbackOnQuotaPause: z.boolean().default(true),
        /** `await-report` gateways: how long an in-doubt send waits for a delivery report before it moves on. */
        inDoubtGraceMs: z.number().int().positive().default(300_000),
        /** Circuit breaker per gateway, shared through Redis: failover to the next gateway of a carrier's route. */
        breaker: z
          .strictObject({
            /** Off: every carrier's first gateway carries all its traffic, as with a route of one. */
            enabled: z.boolean().default(true),
            /** Sliding window over which transport failures and attempts are counted. */
            windowMs: z.number().int().min(1000).max(600_000).default(20_000),
            /** Opens only with at least this many failures in the window… */
            minFailures: z.number().int().min(1).max(100_000).default(10),
            /** …that are at least this share (percent) of the window's attempts. */
            failurePercent: z.number().min(1).max(100).default(50),
            /** How long an open breaker sends nothing before probing. */
            coolDownMs: z.number().int().min(500).max(3_600_000).default(30_000),
            /** Probe sends in flight at once while half-open (across every process). */
            halfOpenProbes: z.number().int().min(1).max(100).default(3),
          })
          .prefault({}),
      })
      .prefault({}),
    gateways: z.array(gatewaySchema).min(1),
    /**
     * Carrier → its SMS gateways in order of preference (failover: the next one takes over while the first is down).
     * A single id is accepted and read as a list of one.
     */
    routes: z.partialRecord(
      carrier,
      z
        .union([z.string(), z.array(z.string()).min(1, 'needs at least one gateway')])
        .transform((v) => (Array.isArray(v) ? v : [v])),
    ),
    simulator: z.strictObject({
      host: z.string(),
      ports: z.strictObject({
        viettel: z.number().int(),
        vnpt: z.number().int(),
        esms: z.number().int(),
        zalo: z.number().int(),
      }),
    }),
  })
  .superRefine((cfg, ctx) => {
    const ids = new Set<string>();
    cfg.gateways.forEach((g, i) => {
      if (ids.has(g.id))
        ctx.addIssue({ code: 'custom', path: ['gateways', i, 'id'], message: `duplicate gateway id "${g.id}"` });
      ids.add(g.id);
    });
    for (const [c, list] of Object.entries(cfg.routes)) {
      (list ?? []).forEach((gw, i) => {
        const path = ['routes', c, i];
        const target = cfg.gateways.find((g) => g.id === gw);
        if (!target) ctx.addIssue({ code: 'custom', path, message: `unknown gateway "${gw}"` });
        else if (target.channel !== 'sms')
          ctx.addIssue({ code: 'custom', path, message: `gateway "${gw}" is not an SMS gateway` });
        if (list!.indexOf(gw) !== i) ctx.addIssue({ code: 'custom', path, message: `gateway "${gw}" is listed twice` });
      });
    }
  });

export type AppConfig = z.infer<typeof configSchema>;
export type GatewayConfig = z.infer<typeof gatewaySchema>;
export type Carrier = z.infer<typeof carrier>;
export const CARRIERS = carrier.options;
