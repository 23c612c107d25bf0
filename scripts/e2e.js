#!/usr/bin/env node
// `npm run test:e2e`: build if the sources changed, then run Playwright in Debian's Chromium.
// Outside CI a machine without Chromium skips these tests with a loud notice; in CI it fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromium)) {
	const message = `Chromium not found at ${chromium}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`;
	if (process.env.CI === 'true') {
		console.error(`${message}\nCI=true: the browser tests must run.`);
		process.exit(1);
	}
	console.warn(`\n*** SKIPPING the end-to-end tests. ${message} ***\n`);
	process.exit(0);
}

buildIfNeeded(root);

// The test servers' ports, from the system: a fixed one may belong to another program.
if (!process.env.E2E_PORTS) {
	const holders = await Promise.all(
		[0, 1, 2, 3].map(
			() =>
				new Promise((resolve) => {
					const holder = createServer();
					holder.listen(0, '127.0.0.1', () => resolve(holder));
				})
		)
	);
	process.env.E2E_PORTS = holders
		.map((holder) => /** @type {import('node:net').AddressInfo} */ (holder.address()).port)
		.join(',');
	await Promise.all(holders.map((holder) => new Promise((resolve) => holder.close(resolve))));
}

const playwright = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
const run = spawnSync(process.execPath, [playwright, 'test', ...process.argv.slice(2)], {
	stdio: 'inherit'
});
process.exit(run.status ?? 1);
