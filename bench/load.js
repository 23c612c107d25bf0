#!/usr/bin/env node
// `npm run bench` (last): a million indicator observations uploaded, previewed and imported
// through the admin form on the embedded database, then twelve parallel downloads of them, while
// the liveness probe and a cached page are asked every 100 ms. Prints the slowest answers, the
// time taken and the server's memory. Goals (issue 21): both answers within a second throughout,
// and downloads that grow the server by less than 300 MB. Runs bench/load.spec.ts in Debian's
// Chromium through scripts/e2e.js, which builds if needed and starts the server.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = spawn(process.execPath, ['scripts/e2e.js', '--reporter=list'], {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, E2E_LOAD: '1' }
});
process.exit(await new Promise((resolve) => run.once('exit', (code) => resolve(code ?? 1))));
