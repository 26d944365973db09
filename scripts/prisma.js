#!/usr/bin/env node
// Runs the Prisma CLI. `prisma generate` never executes the native schema engine, but the CLI
// insists on downloading one first, which fails on offline machines; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that download for `generate` only.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const args = process.argv.slice(2);
const env = { ...process.env };
if (args[0] === 'generate' && !env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
const cli = require.resolve('prisma/build/index.js', { paths: [path.join(__dirname, '..')] });
const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
