#!/usr/bin/env node
// Stops early, with a sentence, when this Node is older than package.json's "engines" (">=20.19"): Nest 12 and a few
// other dependencies are ESM only, loaded through require(esm), which Node has without a flag from 20.19 on.
const { engines } = require('../package.json');
const want = /^>=\s*(\d+)\.(\d+)/.exec(engines.node);
const [major, minor] = process.versions.node.split('.').map(Number);
if (want && (major < +want[1] || (major === +want[1] && minor < +want[2]))) {
  console.error(`Loa needs Node ${engines.node} (require of ES modules); this is Node ${process.versions.node}.`);
  process.exit(1);
}
