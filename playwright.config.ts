import { defineConfig, devices } from '@playwright/test';
import { fullChromium, testChromium } from './tests/e2e/browsers.js';
import { e2eServers } from './tests/e2e/servers.js';

/**
 * End-to-end tests against the built server, in Debian's Chromium (never a downloaded browser;
 * tests/e2e/browsers.js says which of its two builds runs what). `pglite` runs every page test
 * on the embedded database; `postgres` runs the same tests on a PostgreSQL server when
 * TEST_DATABASE_URL is set (always in CI); `lifecycle` starts and stops server and CLI processes.
 */
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
const inChromium = (executablePath: string) => ({
	...devices['Desktop Chrome'],
	launchOptions: {
		executablePath,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	}
});
const browser = inChromium(testChromium());

// `npm run test:e2e` asks the system for four free ports (E2E_PORTS); run directly, the defaults.
const ports = (process.env.E2E_PORTS ?? '4173,4174,4175,4176').split(',').map(Number);
const servers = e2eServers(ports, withPostgres);
// E2E_LOAD=1 (bench/load.js): the load test only, a performance measurement rather than a test.
const load = process.env.E2E_LOAD === '1';

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: process.env.CI === 'true',
	retries: 0,
	workers: process.env.CI === 'true' ? 2 : undefined,
	reporter: process.env.CI === 'true' ? [['list']] : [['list']],
	timeout: 60_000,
	// Page tests read the seeded demo data; account tests change data (imports, users), so they
	// get servers of their own (which also look up addresses: address.spec.ts).
	// Each test runs once, where its result can differ: pages, axe, language switches, the
	// no-JavaScript pages and hostile input on the embedded database (the default); sign-in
	// flows, search and the API (tagged @engine) on PostgreSQL as well, when it is there.
	projects: load
		? [
				// `npm run bench` (bench/load.js): a million observations on the embedded
				// database's account server, alone: it keeps both cores busy for minutes.
				{
					name: 'load-pglite',
					testDir: 'bench',
					testMatch: /load\.spec\.ts/,
					use: { ...browser, baseURL: `http://127.0.0.1:${ports[2]}` }
				}
			]
		: [
				// First: its tests run one after another (about six minutes), so it starts while
				// the other worker takes the page tests, rather than at the end with it idle.
				{ name: 'lifecycle', testMatch: /lifecycle\.spec\.ts/ },
				{
					name: 'pglite',
					testMatch: /pages\.spec\.ts/,
					grepInvert: /@full-browser/,
					use: { ...browser, baseURL: `http://127.0.0.1:${ports[0]}` }
				},
				{
					// What a reader sees, in the browser a reader runs (tests/e2e/browsers.js).
					name: 'full-chromium',
					testMatch: /pages\.spec\.ts/,
					grep: /@full-browser/,
					use: { ...inChromium(fullChromium), baseURL: `http://127.0.0.1:${ports[0]}` }
				},
				{
					name: 'accounts-pglite',
					// Sign-ins wait for an unused TOTP step (each code signs in once): up to 30 s.
					timeout: 120_000,
					testMatch: withPostgres
						? /hostile-input\.spec\.ts/
						: /(accounts|hostile-input|address|followup|calendars)\.spec\.ts/,
					use: { ...browser, baseURL: `http://127.0.0.1:${ports[2]}` }
				},
				...(withPostgres
					? [
							{
								name: 'postgres',
								testMatch: /pages\.spec\.ts/,
								grep: /@engine/,
								use: { ...browser, baseURL: `http://127.0.0.1:${ports[1]}` }
							},
							{
								name: 'accounts-postgres',
								timeout: 120_000,
								testMatch: /(accounts|address|followup|calendars)\.spec\.ts/,
								use: { ...browser, baseURL: `http://127.0.0.1:${ports[3]}` }
							}
						]
					: [])
			],
	// scripts/e2e.js starts the servers side by side (Playwright starts them one by one) and says
	// so in E2E_SERVERS_STARTED; on the ports it chose, nothing else can be listening.
	webServer: servers.map((server) => ({
		command: server.command,
		url: server.url,
		env: server.env,
		reuseExistingServer: process.env.E2E_SERVERS_STARTED === '1',
		// SIGTERM, so tests/e2e/serve.js drops its scratch database (a SIGKILL left them behind).
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
		timeout: 120_000
	}))
});
