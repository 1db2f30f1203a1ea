#!/usr/bin/env node
// Runs Loa's processes side by side (carrier simulators, worker, api), prefixing their output.
// Ctrl-C stops them all; if one dies, the others are stopped too and the exit code is kept.
const { spawn } = require('node:child_process');

const withSim = process.env.LOA_SIMULATORS !== 'false';
const procs = [
  ...(withSim ? [['carrier-sim', 'dist/apps/carrier-sim/src/main.js']] : []),
  ['worker', 'dist/apps/worker/src/main.js'],
  ['api', 'dist/apps/api/src/main.js'],
];
const colors = [33, 35, 36, 32];
const children = [];
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r))))).then(() =>
    process.exit(code),
  );
}

procs.forEach(([name, file], i) => {
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
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
