#!/usr/bin/env node
// `npm run test:e2e`: build if the sources changed, then run Playwright in Debian's Chromium.
// Outside CI a machine without Chromium skips these tests with a loud notice; in CI it fails.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fullChromium, testChromium } from '../tests/e2e/browsers.js';
import { buildIfNeeded } from './build-if-needed.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
if (!existsSync(fullChromium)) {
	const message = `Chromium not found at ${fullChromium}: install it with \`apt-get install -y chromium chromium-headless-shell\` (or set CHROMIUM_PATH).`;
	if (process.env.CI === 'true') {
		console.error(`${message}\nCI=true: the browser tests must run.`);
		process.exit(1);
	}
	console.warn(`\n*** SKIPPING the end-to-end tests. ${message} ***\n`);
	process.exit(0);
}

if (testChromium() === fullChromium)
	console.warn(
		"Debian's chromium-headless-shell is not installed: every browser test runs in the whole browser, which takes about a minute longer (`apt-get install -y chromium-headless-shell`)."
	);

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

// Playwright starts its web servers one after another (about 30 s here); side by side they are
// ready in about 20. Playwright then finds them listening and uses them (E2E_SERVERS_STARTED).
const { e2eServers } = await import('../tests/e2e/servers.js');
const servers = e2eServers(
	process.env.E2E_PORTS.split(',').map(Number),
	Boolean(process.env.TEST_DATABASE_URL)
).map((server) => ({
	...server,
	process: spawn(process.execPath, server.args, {
		env: { ...process.env, ...server.env },
		stdio: ['ignore', 'ignore', 'inherit']
	})
}));
let stopping = false;
/** SIGTERM, so each server drops its scratch database; SIGKILL after 10 s. */
async function stopServers() {
	stopping = true;
	await Promise.all(
		servers.map(async ({ process: child }) => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		})
	);
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.once(signal, () => void stopServers().then(() => process.exit(130)));
}

/** @param {(typeof servers)[number]} server */
async function ready(server) {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (server.process.exitCode !== null || server.process.signalCode !== null)
			throw new Error(`The ${server.name} test server stopped before it was ready.`);
		const answer = await fetch(server.url).catch(() => undefined);
		if (answer?.ok) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`The ${server.name} test server was not ready within 120 s.`);
}

let status = 1;
try {
	await Promise.all(servers.map(ready));
	const playwright = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
	const run = spawn(process.execPath, [playwright, 'test', ...process.argv.slice(2)], {
		stdio: 'inherit',
		env: { ...process.env, E2E_SERVERS_STARTED: '1' }
	});
	status = await new Promise((resolve) => run.once('exit', (code) => resolve(code ?? 1)));
} catch (error) {
	if (!stopping) console.error(error instanceof Error ? error.message : error);
} finally {
	await stopServers();
}
process.exit(status);
