import { announceReady, ConfigError, loadConfig } from '@loa/core';
import { startSimulators } from './simulators';

/** Runs the four gateway simulators on cfg.simulator.ports, reporting deliveries to cfg.api.publicBaseUrl. */
async function main(): Promise<void> {
  const cfg = loadConfig();
  const sims = await startSimulators({
    host: cfg.simulator.host,
    ports: cfg.simulator.ports,
    config: cfg,
    // Stored tokens outlive a simulator restart: accept an unknown refresh token once instead of locking the demo out.
    overrides: { zalo: { zalo: { lenientRefresh: true }, latencyMs: 20, jitterMs: 30 } },
  });
  for (const s of sims.all) {
    const r = s.config().registry;
    const registered = [...Object.keys(r.brandnames), ...Object.keys(r.vnptTemplates), ...Object.keys(r.znsTemplates)];
    console.log(
      `${s.name.padEnd(8)} ${s.url}  rate ${s.config().rate}/s  registered: ${registered.join(', ') || 'nothing'}` +
        `  control: ${s.url}/_sim/stats`,
    );
  }
  announceReady({ role: 'carrier-sim', urls: Object.fromEntries(sims.all.map((s) => [s.name, s.url])) });
  const stop = () => {
    void sims.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
