import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { createServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { unusedTotp } from '../support/totp.ts';
import { expectNoAxeViolations } from './axe.ts';
import { fullChromium } from './browsers.js';

/**
 * The server and CLI as processes: first start seeds, a second start keeps the data, a second
 * process on the same data directory is refused, and SIGTERM closes the database cleanly.
 */
const root = process.cwd();

/** What the production image holds besides node_modules (the Dockerfile copies the same). */
const PRODUCTION_FILES = [
	'build',
	'package.json',
	'package-lock.json',
	'scripts',
	'cli',
	'src',
	'migrations',
	'strategies',
	'taxonomy',
	'demo'
];

/** A port nobody listens on, from the system (a guessed one may be taken, as epmd's 4369 was). */
async function listening(): Promise<NetServer> {
	const holder = createServer();
	await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
	return holder;
}
async function freePort(): Promise<number> {
	const holder = await listening();
	const { port } = holder.address() as { port: number };
	await new Promise((resolve) => holder.close(resolve));
	return port;
}

interface Server {
	process: ChildProcess;
	url: string;
	output: () => string;
	exited: Promise<number | null>;
}

async function startServer(env: Record<string, string>): Promise<Server> {
	const port = env.PORT ?? String(await freePort());
	return watched(spawn(process.execPath, ['scripts/start.js'], serverOptions(port, env)), port);
}

/** How a test server process is started: on loopback, logging at info, with `env` on top. */
function serverOptions(port: string, env: Record<string, string>) {
	return {
		cwd: root,
		env: { ...process.env, PORT: port, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
		stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe']
	};
}

/** A started server process with its output collected and its exit awaited. */
function watched(child: ChildProcess, port: string): Server {
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	return { process: child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function waitReady(server: Server): Promise<void> {
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (server.process.exitCode !== null)
			throw new Error(`server exited early:\n${server.output()}`);
		try {
			const response = await fetch(`${server.url}/readyz`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server did not become ready:\n${server.output()}`);
}

/**
 * The server as a container runs it: PID 1 of its own PID namespace, under a host name of its
 * own (`unshare`, as root). `hostPid` is that PID 1 as the rest of the machine sees it.
 */
async function startAsPidOne(
	env: Record<string, string>,
	host: string
): Promise<Server & { hostPid: () => number }> {
	const port = String(await freePort());
	const child = spawn(
		'unshare',
		[
			'--pid',
			'--fork',
			'--mount-proc',
			'--uts',
			'sh',
			'-c',
			`hostname ${host} && exec "${process.execPath}" scripts/start.js`
		],
		serverOptions(port, env)
	);
	const hostPid = () => {
		const found = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' });
		return Number(found.stdout.trim().split('\n')[0]);
	};
	return { ...watched(child, port), hostPid };
}

async function stop(server: Server): Promise<number | null> {
	server.process.kill('SIGTERM');
	return server.exited;
}

function cli(args: string[], env: Record<string, string>) {
	return spawnSync(process.execPath, ['cli/bin.js', ...args], {
		cwd: root,
		env: { ...process.env, ...env },
		encoding: 'utf8'
	});
}

function previousStrategyFile(dir: string): string {
	const file = join(dir, 'aalborg-2019-2022.yaml');
	const source = readFileSync(join(root, 'strategies/aalborg-2023-2026.yaml'), 'utf8')
		.replace('slug: aalborg-2023-2026', 'slug: aalborg-2019-2022')
		.replace('da: Uddannelsesstrategi 2023-2026', 'da: Uddannelsesstrategi 2019-2022')
		.replace('en: Education Strategy 2023-2026', 'en: Education Strategy 2019-2022')
		.replace('start: 2023\n  end: 2026', 'start: 2019\n  end: 2022');
	writeFileSync(file, source);
	return file;
}

test.describe.configure({ mode: 'serial' });

test('the embedded database: seeded once, kept across restarts, locked against a second process', async () => {
	test.setTimeout(240_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'udb-life-'));
	const env = { DATA_DIR: dataDir };
	try {
		const first = await startServer(env);
		await waitReady(first);
		expect(first.output()).toContain(
			`Uddannelsesby is running on ${first.url.replace('127.0.0.1', '127.0.0.1')}`
		);
		expect(await (await fetch(`${first.url}/`)).text()).toContain('Uddannelsesstrategi 2023-2026');
		expect(existsSync(join(dataDir, 'uddannelsesby.lock'))).toBe(true);

		// A second server and the CLI on the same directory refuse with a clear message.
		const second = await startServer(env);
		expect(await second.exited).toBe(1);
		expect(second.output()).toContain(`The data directory ${dataDir} is in use by the web server`);
		const blocked = cli(['strategy', 'list'], env);
		expect(blocked.status).toBe(1);
		expect(blocked.stderr).toContain('is in use by the web server');

		// SIGTERM: the server stops, closes the database and releases the lock.
		expect(await stop(first)).toBe(0);
		expect(first.output()).toContain('database closed');
		expect(readFileSync(join(dataDir, 'uddannelsesby.lock'), 'utf8')).toBe('');

		// Change the data while the server is down.
		const loaded = cli(['strategy', 'load', previousStrategyFile(dataDir), '--activate'], env);
		expect(loaded.stderr).toBe('');
		expect(loaded.status).toBe(0);
		expect(loaded.stdout).toContain(
			'Stored strategy aalborg-2019-2022; it is the active strategy.'
		);

		// The next start opens the same database, keeps the change and does not seed again.
		const again = await startServer(env);
		await waitReady(again);
		const html = await (await fetch(`${again.url}/`)).text();
		expect(html).toContain('Uddannelsesstrategi 2019-2022');
		expect(again.output()).not.toContain('first start: loaded the default strategy');
		expect(await stop(again)).toBe(0);

		const list = cli(['strategy', 'list'], env);
		expect(list.stdout).toContain('* aalborg-2019-2022');
		expect(list.stdout).toContain('  aalborg-2023-2026');
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('after kill -9 of a server that ran as PID 1 (a container), the next start is not blocked by the lock', async () => {
	test.setTimeout(240_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'udb-pid1-'));
	// No demo data: what is tested is the lock, and seeding is most of a first start.
	const env = { DATA_DIR: dataDir, SEED_ON_FIRST_START: 'false' };
	try {
		for (const host of ['container-a', 'container-b', 'container-c']) {
			const began = Date.now();
			const server = await startAsPidOne(env, host);
			await waitReady(server);
			const firstStart = Date.now() - began;
			expect(server.output()).toContain('Uddannelsesby is running');
			// A live holder still refuses a second process at once.
			const refused = cli(['strategy', 'list'], env);
			expect(refused.status).toBe(1);
			expect(refused.stderr).toContain(`on ${host}`);
			const pid = server.hostPid();
			expect(pid).toBeGreaterThan(1);
			process.kill(pid, 'SIGKILL');
			await server.exited;
			// The next container (a new host name, PID 1 again) starts as a start with a free lock
			// does: the lock is the kernel's and went with the process, so nothing waits for it.
			// (Against the first start, not a fixed time: on a busy machine a start takes 10 s.)
			const started = Date.now();
			const next = await startAsPidOne(env, `${host}-next`);
			await waitReady(next);
			expect(Date.now() - started).toBeLessThan(2 * firstStart + 5_000);
			process.kill(next.hostPid(), 'SIGKILL');
			await next.exited;
		}
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('with an https ORIGIN every answer, static files included, carries HSTS and the security headers', async () => {
	test.setTimeout(120_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'udb-hsts-'));
	// No demo data: the headers do not depend on it, and seeding is most of a first start.
	const server = await startServer({
		DATA_DIR: dataDir,
		ORIGIN: 'https://uddannelsesby.example',
		SEED_ON_FIRST_START: 'false'
	});
	try {
		await waitReady(server);
		const page = await fetch(`${server.url}/`);
		const html = await page.text();
		const asset = /href="\.?(\/_app\/immutable\/[^"]+\.css)"/.exec(html)?.[1];
		expect(asset, 'the front page links a stylesheet under /_app').toBeTruthy();
		for (const path of ['/', asset!, '/favicon.svg', '/healthz', '/findes-ikke']) {
			const response = await fetch(`${server.url}${path}`);
			const headers = response.headers;
			expect(headers.get('strict-transport-security'), path).toBe('max-age=31536000');
			expect(headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(headers.get('x-frame-options'), path).toBe('DENY');
			expect(headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
		}
	} finally {
		await stop(server);
		rmSync(dataDir, { recursive: true, force: true });
	}
});

/** A form post as a browser on `host` sends it: Host and Origin name that host. */
function postForm(
	server: Server,
	path: string,
	host: string,
	origin: string,
	body: string
): Promise<{ status: number; type: string; text: string }> {
	const { port } = new URL(server.url);
	return new Promise((resolve, reject) => {
		const request = httpRequest(
			{
				host: '127.0.0.1',
				port,
				path,
				method: 'POST',
				headers: {
					host: `${host}:${port}`,
					origin,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': Buffer.byteLength(body)
				}
			},
			(response) => {
				let text = '';
				response.setEncoding('utf8');
				response.on('data', (chunk) => (text += chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						type: String(response.headers['content-type']),
						text
					})
				);
			}
		);
		request.on('error', reject);
		request.end(body);
	});
}

test('without ORIGIN forms work by any host name, and a foreign form gets the site’s own refusal page', async () => {
	test.setTimeout(120_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'udb-hosts-'));
	const server = await startServer({ DATA_DIR: dataDir, ORIGIN: '', SEED_ON_FIRST_START: 'false' });
	try {
		await waitReady(server);
		const { port } = new URL(server.url);
		const body = 'email=ingen%40eksempel.invalid';
		for (const host of ['127.0.0.1', 'localhost', 'uddannelsesby.skole.example']) {
			const answer = await postForm(
				server,
				'/glemt-adgangskode',
				host,
				`http://${host}:${port}`,
				body
			);
			expect(answer.status, `posted from ${host}`).toBe(200);
			expect(answer.text, host).not.toContain('Formularen blev afvist');
		}
		// A form from another site: the site's own page, in the reader's language, and a log line.
		for (const [path, heading] of [
			['/glemt-adgangskode', 'Formularen blev afvist'],
			['/en/forgot-password', 'The form was refused']
		]) {
			const refused = await postForm(server, path!, '127.0.0.1', 'http://angriber.example', body);
			expect(refused.status, path).toBe(403);
			expect(refused.type).toContain('text/html');
			expect(refused.text).toContain(`<h1>${heading}</h1>`);
			expect(refused.text).toMatch(/href="[^"]*\/_app\/immutable\/[^"]+\.css"/);
		}
		expect(server.output()).toContain('cross-site request refused');
	} finally {
		await stop(server);
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('first run: the server prints a set-up link, and the first administrator sets up the account and TOTP in the browser', async () => {
	test.setTimeout(180_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'udb-first-'));
	const env = { DATA_DIR: dataDir, ORIGIN: '' };
	const server = await startServer(env);
	const browser = await chromium.launch({
		// The whole browser, as a reader runs it (browsers.js).
		executablePath: fullChromium
	});
	try {
		await waitReady(server);
		const link = /No administrator yet\. Set up the first one within 60 minutes: (\S+?)"/.exec(
			server.output()
		)?.[1];
		expect(link, server.output()).toMatch(
			new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/opsaetning/[A-Za-z0-9_-]{43}$`)
		);

		// The CLI cannot open the embedded database now: it says so at once and points to the link.
		const started = Date.now();
		const blocked = cli(['users', 'invite', 'it@aalborg.dk', '--role', 'administrator'], env);
		expect(blocked.status).toBe(1);
		expect(blocked.stderr).toContain('is in use by the web server');
		expect(blocked.stderr).toContain(
			`Set up the first one in the browser, while the server runs: ${link}`
		);
		expect(Date.now() - started).toBeLessThan(15_000);

		const page = await (await browser.newContext()).newPage();
		await page.goto(link!);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Opret den første administrator'
		);
		await expectNoAxeViolations(page);
		// In English, and a link that is not one: said plainly, with the way to sign in.
		await page.goto(`${server.url}/en/setup/${'x'.repeat(43)}`);
		await expect(page.getByRole('alert').first()).toContainText('The link does not exist');
		await expect(page.locator('main').getByRole('link', { name: 'Log in' })).toHaveAttribute(
			'href',
			'/en/login'
		);
		await expectNoAxeViolations(page);
		await page.goto(link!);
		await page.getByLabel('Dit navn').fill('Mette Hansen');
		await page.getByLabel('E-mailadresse').fill('it@aalborg.dk');
		await page.getByLabel('Adgangskode').fill('for kort');
		await page.getByRole('button', { name: 'Opret administrator' }).click();
		await expect(page.locator('#password')).toHaveAttribute('aria-invalid', 'true');
		await page.getByLabel('Adgangskode').fill('grøn cykel ved Limfjorden');
		await page.getByRole('button', { name: 'Opret administrator' }).click();

		// Signed in, on the account page, which asks for TOTP before anything else.
		await expect(page).toHaveURL(/\/admin\/konto$/);
		await expect(page.getByRole('alert').first()).toContainText('totrinsbekræftelse');
		await page.getByLabel('Bekræft med din adgangskode').fill('grøn cykel ved Limfjorden');
		await page.getByRole('button', { name: 'Slå totrinsbekræftelse til' }).click();
		const secret = (await page.locator('p:has-text("Nøgle") code').textContent())!.trim();
		await page.getByLabel('Kode', { exact: true }).fill(await unusedTotp(secret));
		await page.getByRole('button', { name: 'Bekræft og slå til' }).click();
		await expect(page.getByText('Totrinsbekræftelse er slået til.')).toBeVisible();
		await page.goto(`${server.url}/admin`);
		await expect(page).toHaveURL(/\/admin$/);

		// The link is spent, and its file for the CLI is gone.
		await page.goto(link!);
		await expect(page.getByRole('alert').first()).toContainText('Der er allerede en administrator');
		expect(existsSync(join(dataDir, 'first-run-link.json'))).toBe(false);
		expect(await stop(server)).toBe(0);

		// With the server stopped, an invitation from the CLI links to where the server ran,
		// not to the CLI's own default port.
		const invited = cli(['users', 'invite', 'redaktion@aalborg.dk', '--role', 'editor'], {
			...env,
			PORT: '3000'
		});
		expect(invited.stderr).toBe('');
		expect(invited.stdout).toContain(`${server.url}/invitation/`);
		const again = await startServer(env);
		await waitReady(again);
		expect(again.output()).not.toContain('No administrator yet');
		expect(await stop(again)).toBe(0);
	} finally {
		await browser.close();
		if (server.process.exitCode === null) await stop(server);
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('a rejected strategy file exits 2 with every problem and leaves the database unchanged', async () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'udb-life-'));
	const env = { DATA_DIR: dataDir };
	try {
		expect(cli(['strategy', 'load', 'strategies/aalborg-2023-2026.yaml'], env).status).toBe(0);
		const broken = join(dataDir, 'broken.yaml');
		writeFileSync(
			broken,
			readFileSync(join(root, 'strategies/aalborg-2023-2026.yaml'), 'utf8')
				.replace(
					'      - da: Alle skal have mulighed for at tage en uddannelse\n        en: Everyone shall have the opportunity to get an education\n',
					'      - en: Everyone shall have the opportunity to get an education\n'
				)
				.replace('direction: increase', 'direction: up')
				.replace('period:\n  start: 2023', 'period:\n  start: twenty')
		);
		const validate = cli(['strategy', 'validate', broken], env);
		expect(validate.status).toBe(2);
		expect(validate.stderr).toContain('(3 problems)');
		expect(validate.stderr).toContain('period.start: expected a number, got text "twenty"');
		expect(validate.stderr).toContain('guideposts[0].ambitions[0].da: required');
		expect(validate.stderr).toContain(
			'guideposts[0].indicators[1].direction: must be "decrease" or "increase"'
		);

		const load = cli(['strategy', 'load', broken], env);
		expect(load.status).toBe(2);
		const list = cli(['strategy', 'list'], env);
		expect(list.stdout.trim()).toBe(
			'* aalborg-2023-2026  Uddannelsesstrategi 2023-2026 (2023-2026)'
		);

		writeFileSync(broken, 'slug: [unclosed\n');
		const yaml = cli(['strategy', 'validate', broken], env);
		expect(yaml.status).toBe(2);
		expect(yaml.stderr).toMatch(/line \d+, column \d+: invalid YAML/);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('invalid configuration stops the start with a clear message', async () => {
	const server = await startServer({
		PORT: 'eighty',
		DATA_DIR: join(tmpdir(), 'udb-never-created')
	});
	expect(await server.exited).toBe(1);
	expect(server.output()).toContain('PORT="eighty": must be a port number');
	const badUrl = await startServer({ DATABASE_URL: 'mysql://localhost/x' });
	expect(await badUrl.exited).toBe(1);
	expect(badUrl.output()).toContain('DATABASE_URL="mysql://localhost/x": must be a PostgreSQL URL');
	// A port another program holds: a clear message before the database is opened.
	const holder = await listening();
	try {
		const { port } = holder.address() as { port: number };
		const dataDir = join(tmpdir(), `udb-port-${port}`);
		const taken = await startServer({ PORT: String(port), DATA_DIR: dataDir });
		expect(await taken.exited).toBe(1);
		expect(taken.output()).toContain(
			`Port ${port} on 127.0.0.1 is already in use by another program. Stop that program or set PORT to a free port.`
		);
		expect(existsSync(dataDir)).toBe(false);
	} finally {
		await new Promise((resolve) => holder.close(resolve));
	}
});

test('on PostgreSQL a restart keeps the data too', async () => {
	const adminUrl = process.env.TEST_DATABASE_URL;
	test.skip(!adminUrl && process.env.CI !== 'true', 'TEST_DATABASE_URL is not set');
	if (!adminUrl) throw new Error('CI=true requires TEST_DATABASE_URL');
	test.setTimeout(180_000);
	const { createScratchDatabase } = await import('../../src/lib/server/db/testing.ts');
	const scratch = await createScratchDatabase(adminUrl);
	// No demo data: the strategy loaded below is what must survive the restart.
	const env = { DATABASE_URL: scratch.url, SEED_ON_FIRST_START: 'false' };
	const dir = mkdtempSync(join(tmpdir(), 'udb-life-'));
	try {
		const first = await startServer(env);
		await waitReady(first);
		expect(await stop(first)).toBe(0);
		expect(cli(['strategy', 'load', previousStrategyFile(dir), '--activate'], env).status).toBe(0);
		const again = await startServer(env);
		await waitReady(again);
		expect(await (await fetch(`${again.url}/`)).text()).toContain('Uddannelsesstrategi 2019-2022');
		// On PostgreSQL the CLI works while the server runs, and its links point where it serves.
		expect(again.output()).toContain(
			`Set up the first one within 60 minutes: ${again.url}/opsaetning/`
		);
		const invited = cli(['users', 'invite', 'it@aalborg.dk', '--role', 'administrator'], {
			...env,
			PORT: '3000'
		});
		expect(invited.stderr).toBe('');
		expect(invited.status).toBe(0);
		expect(invited.stdout).toContain(`${again.url}/invitation/`);
		expect(await stop(again)).toBe(0);
	} finally {
		await scratch.drop();
		rmSync(dir, { recursive: true, force: true });
	}
});

/** Every file under `dir` but node_modules, with a hash of its content. */
function treeState(dir: string): Map<string, string> {
	const state = new Map<string, string>();
	const walk = (path: string) => {
		for (const entry of readdirSync(path, { withFileTypes: true })) {
			const full = join(path, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'node_modules') walk(full);
			} else
				state.set(
					full.slice(dir.length),
					createHash('sha256').update(readFileSync(full)).digest('hex')
				);
		}
	};
	walk(dir);
	return state;
}

/** What a reader sees of a page: the text of <main>, without markup or the per-answer nonce. */
async function mainText(url: string): Promise<string> {
	const response = await fetch(url);
	expect(response.status, url).toBe(200);
	const html = await response.text();
	const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
	return main
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

test('production: the build runs on production dependencies only, writes nothing outside its data, and its backup restores into PostgreSQL serving the same pages', async () => {
	const adminUrl = process.env.TEST_DATABASE_URL;
	test.skip(!adminUrl && process.env.CI !== 'true', 'TEST_DATABASE_URL is not set');
	if (!adminUrl) throw new Error('CI=true requires TEST_DATABASE_URL');
	test.setTimeout(300_000);
	// What the Dockerfile's last stage holds: the build, the sources the CLI and migrations
	// read, and `npm ci --omit=dev` (a base image cannot be pulled here, so this is the test).
	const app = mkdtempSync(join(tmpdir(), 'udb-prod-app-'));
	const data = mkdtempSync(join(tmpdir(), 'udb-prod-data-'));
	const { createScratchDatabase } = await import('../../src/lib/server/db/testing.ts');
	const scratch = await createScratchDatabase(adminUrl);
	try {
		for (const part of PRODUCTION_FILES)
			cpSync(join(root, part), join(app, part), { recursive: true });
		const install = spawnSync(
			'npm',
			['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
			{ cwd: app, encoding: 'utf8' }
		);
		expect(install.status, install.stderr).toBe(0);
		// The build's own tools are not there. (vite, @sveltejs/kit and vitest do come along:
		// better-auth names them as peer dependencies.)
		for (const devOnly of [
			'@sveltejs/adapter-node',
			'@inlang/paraglide-js',
			'eslint',
			'@playwright/test'
		])
			expect(existsSync(join(app, 'node_modules', devOnly)), devOnly).toBe(false);
		const before = treeState(app);

		const start = (env: Record<string, string>) =>
			freePort().then((port) =>
				watched(
					spawn(process.execPath, ['scripts/serve.js'], {
						...serverOptions(String(port), env),
						cwd: app
					}),
					String(port)
				)
			);
		const pages = ['/', '/indikatorer', '/tilbud?q=ungdomsskole', '/job', '/en/strategy'];
		const embedded = await start({ DATA_DIR: data });
		await waitReady(embedded);
		const health = (await (await fetch(`${embedded.url}/healthz`)).json()) as {
			version: string;
			migration: string;
		};
		expect(health.version).toBe(
			JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version
		);
		expect(health.migration).toMatch(/^\d{4}_\w+$/);
		const seen = await Promise.all(pages.map((p) => mainText(`${embedded.url}${p}`)));
		expect(await stop(embedded)).toBe(0);

		const file = join(data, 'drill.backup.gz');
		const inApp = (args: string[], env: Record<string, string>) =>
			spawnSync(process.execPath, ['cli/bin.js', ...args], {
				cwd: app,
				env: { ...process.env, ...env },
				encoding: 'utf8'
			});
		const created = inApp(['backup', 'create', file], { DATA_DIR: data });
		expect(created.status, created.stderr).toBe(0);
		const restored = inApp(['backup', 'restore', file], { DATABASE_URL: scratch.url });
		expect(restored.status, restored.stderr).toBe(0);
		expect(restored.stdout).toContain("every table's row count and checksum match");

		const server = await start({ DATABASE_URL: scratch.url });
		await waitReady(server);
		expect(await Promise.all(pages.map((p) => mainText(`${server.url}${p}`)))).toEqual(seen);
		expect(await stop(server)).toBe(0);
		expect(treeState(app)).toEqual(before);
	} finally {
		await scratch.drop();
		rmSync(app, { recursive: true, force: true });
		rmSync(data, { recursive: true, force: true });
	}
});
