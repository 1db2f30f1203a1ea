#!/usr/bin/env node
// Runs Loa's processes side by side (carrier simulators, worker, api), prefixing their output; once each has said it
// serves (over Node's IPC channel) and the api answers, prints the "ready" block with the URLs and the first key.
// Ctrl-C stops them all; if one dies, the others are stopped too and the exit code is kept.
const { spawn } = require('node:child_process');

const withSim = process.env.LOA_SIMULATORS !== 'false';
// The key start.sh just created (empty when keys existed already); not passed on to the processes.
const firstKey = process.env.LOA_START_ADMIN_KEY ?? '';
const env = { ...process.env };
delete env.LOA_START_ADMIN_KEY;

const procs = [
  ...(withSim ? [['carrier-sim', 'dist/apps/carrier-sim/src/main.js']] : []),
  ['worker', 'dist/apps/worker/src/main.js'],
  ['api', 'dist/apps/api/src/main.js'],
];
const colors = [33, 35, 36, 32];
const children = [];
const ready = new Map();
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r))))).then(() =>
    process.exit(code),
  );
}

/** Resolves with the HTTP status of `url`, or 0 when nothing answers; redirects are not followed. */
async function statusOf(url) {
  try {
    return (await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) })).status;
  } catch {
    return 0;
  }
}

async function announce() {
  const base = `http://127.0.0.1:${ready.get('api').port}`;
  for (let i = 0; i < 60 && (await statusOf(`${base}/health`)) !== 200; i++)
    await new Promise((r) => setTimeout(r, 1000));
  const checks = await Promise.all(
    ['/health', '/console/', '/dashboard/login', '/api/docs', '/api/docs-json'].map(async (p) => [
      p,
      await statusOf(base + p),
    ]),
  );
  const failing = checks.filter(([, s]) => s !== 200).map(([p, s]) => `${p} answers ${s || 'nothing'}`);
  const sims = ready.get('carrier-sim')?.urls ?? {};
  const line = '─'.repeat(78);
  const lines = [
    '',
    line,
    failing.length ? `  Loa started, but: ${failing.join(', ')}` : '  Loa is ready',
    '',
    `  Console      ${base}/console/    (staff pages; sign in with the admin key)`,
    `  Dashboard    ${base}/dashboard   (sign in with the admin key)`,
    `  API docs     ${base}/api/docs    (OpenAPI document: ${base}/api/docs-json)`,
    `  Queues       ${base}/admin/queues`,
    firstKey
      ? `  Admin key    ${firstKey}\n               (national admin; shown once, keep it: only its hash is stored)`
      : '  Admin key    created at an earlier start (shown once then); another one:\n' +
        '               npm run cli -- create-key --name "…" --role admin',
    ...(Object.keys(sims).length
      ? [
          `  Simulators   ${Object.entries(sims)
            .map(([n, u]) => `${n} ${u}`)
            .join('  ')}`,
        ]
      : []),
    '  Stop         Ctrl-C (stops the api, the worker and the simulators)',
    line,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

procs.forEach(([name, file], i) => {
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env });
  const tag = `\x1b[${colors[i % colors.length]}m${name.padEnd(11)}\x1b[0m| `;
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (d) => {
      buf += d;
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const l of lines) process.stdout.write(tag + l + '\n');
    });
  }
  child.on('message', (msg) => {
    if (msg?.type !== 'loa:ready' || ready.has(msg.role)) return;
    ready.set(msg.role, msg);
    if (ready.size === procs.length) announce().catch((e) => console.error(`run-all: ${e.message}`));
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping the others`);
      stopAll(code || 1);
    }
  });
  children.push(child);
});

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
