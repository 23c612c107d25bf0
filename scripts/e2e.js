#!/usr/bin/env node
// `npm run test:e2e`: build if the sources changed, then run Playwright in Debian's Chromium.
// Outside CI a machine without Chromium skips these tests with a loud notice; in CI it fails.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
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

const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
/** What to remove when the tests are done: the seeded databases. */
const leftovers = /** @type {(() => Promise<unknown>)[]} */ ([]);

/** Seeding processes still running (stopped with the servers). */
const seeding = new Set();

/** @param {string[]} args tests/e2e/seed.js's arguments */
function seedProcess(args) {
	const child = spawn(process.execPath, ['tests/e2e/seed.js', ...args], {
		stdio: ['ignore', 'ignore', 'inherit']
	});
	seeding.add(child);
	child.once('exit', () => seeding.delete(child));
	return new Promise((resolve, reject) =>
		child.once('exit', (code) =>
			code === 0 ? resolve(undefined) : reject(new Error(`Seeding ${args[0]} failed.`))
		)
	);
}

/**
 * Seeding the demo data is most of a test server's start (on PGlite about 14 s of CPU, which
 * four servers side by side did four times): each engine's database is seeded once, the two
 * side by side, and that engine's servers start from copies (tests/e2e/serve.js) as soon as it
 * is ready. Gives each engine's environment for its servers.
 * @param {string} engine
 * @returns {Promise<Record<string, string>>}
 */
async function seedOnce(engine) {
	if (engine === 'pglite') {
		const dir = mkdtempSync(join(tmpdir(), 'udb-e2e-seed-'));
		leftovers.push(async () => rmSync(dir, { recursive: true, force: true }));
		await seedProcess(['pglite', dir]);
		return { E2E_SEEDED_DIR: dir };
	}
	const { createScratchDatabase } = await tsImport(
		'../src/lib/server/db/testing.ts',
		import.meta.url
	);
	const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL);
	leftovers.push(() => scratch.drop());
	await seedProcess(['postgres', scratch.url]);
	return { E2E_SEEDED_DATABASE: new URL(scratch.url).pathname.slice(1) };
}

async function removeLeftovers() {
	await Promise.all(leftovers.splice(0).map((remove) => remove().catch(() => undefined)));
}

// Playwright starts its web servers one after another (about 30 s here); side by side they are
// ready in about 20. Playwright then finds them listening and uses them (E2E_SERVERS_STARTED).
const { e2eServers } = await import('../tests/e2e/servers.js');
let stopping = false;
const planned = e2eServers(process.env.E2E_PORTS.split(',').map(Number), withPostgres);
const seeds = new Map(
	[...new Set(planned.map((server) => server.engine))].map((engine) => [engine, seedOnce(engine)])
);
const servers = planned.map((server) => {
	/** @type {{ process?: import('node:child_process').ChildProcess }} */
	const handle = {};
	const started = /** @type {Promise<Record<string, string>>} */ (seeds.get(server.engine)).then(
		(env) => {
			if (stopping) throw new Error('The tests were stopped.');
			handle.process = spawn(process.execPath, server.args, {
				env: { ...process.env, ...server.env, ...env },
				stdio: ['ignore', 'ignore', 'inherit']
			});
			return handle.process;
		}
	);
	return { ...server, handle, started };
});
/** @type {Promise<void> | undefined} */
let stopped;
/**
 * Stops the seeding, then the servers: SIGTERM, so each server drops its scratch database;
 * SIGKILL after 10 s. Then the seeded databases go. Once, whoever asks first (a signal, or the
 * end of the run); every caller waits for the same.
 */
function stopServers() {
	return (stopped ??= stopAll());
}
async function stopAll() {
	stopping = true;
	for (const child of seeding) child.kill('SIGTERM');
	await Promise.allSettled(servers.map((server) => server.started));
	await Promise.all(
		servers.map(async ({ handle: { process: child } }) => {
			if (!child || child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		})
	);
	await removeLeftovers();
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.once(signal, () => void stopServers().then(() => process.exit(130)));
}

/** @param {(typeof servers)[number]} server */
async function ready(server) {
	const child = await server.started;
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null)
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
