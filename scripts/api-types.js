#!/usr/bin/env node
// Checks Loa's OpenAPI document and generates TypeScript types of the API from it (devDependencies
// @readme/openapi-parser and openapi-typescript):
//   node scripts/api-types.js http://127.0.0.1:3000/api/docs-json api-types.ts      (or a saved JSON file)
// Exits 1 with the validator's findings when the document is not valid OpenAPI. The document is the contract: a
// client built on these types stops compiling when the API changes shape.
const { readFileSync, writeFileSync } = require('node:fs');

async function main() {
  const [source, out] = process.argv.slice(2);
  if (!source || !out) throw new Error('usage: node scripts/api-types.js <docs-json URL or file> <out.ts>');
  let validate, compileErrors, openapiTS, astToString;
  try {
    ({ validate, compileErrors } = require('@readme/openapi-parser'));
    ({ default: openapiTS, astToString } = require('openapi-typescript'));
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e;
    throw new Error(`${e.message.split('\n')[0]}: run \`npm ci\` (devDependencies of package.json)`);
  }
  const doc = /^https?:\/\//.test(source)
    ? await (await fetch(source)).json()
    : JSON.parse(readFileSync(source, 'utf8'));
  const result = await validate(structuredClone(doc));
  if (!result.valid) throw new Error(`not a valid OpenAPI document:\n${compileErrors(result)}`);
  for (const w of result.warnings) console.warn(`api-types: warning: ${w.message}`);
  writeFileSync(out, astToString(await openapiTS(doc)));
  console.log(`api-types: ${source} is valid ${result.specification} ${doc.openapi}; types written to ${out}`);
}

main().catch((e) => {
  console.error(`api-types: ${e.message}`);
  process.exit(1);
});
