import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against the built server, in Debian's Chromium (never a downloaded browser).
 * `pglite` runs every page test on the embedded database; `postgres` runs the same tests on a
 * PostgreSQL server when TEST_DATABASE_URL is set (always in CI); `lifecycle` starts and stops
 * server and CLI processes.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
const browser = {
	...devices['Desktop Chrome'],
	launchOptions: {
		executablePath: chromium,
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
};

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: process.env.CI === 'true',
	retries: 0,
	workers: process.env.CI === 'true' ? 2 : undefined,
	reporter: process.env.CI === 'true' ? [['list']] : [['list']],
	timeout: 60_000,
	projects: [
		{
			name: 'pglite',
			testMatch: /(pages|accounts|hostile-input)\.spec\.ts/,
			use: { ...browser, baseURL: 'http://127.0.0.1:4173' }
		},
		...(withPostgres
			? [
					{
						name: 'postgres',
						testMatch: /(pages|accounts|hostile-input)\.spec\.ts/,
						use: { ...browser, baseURL: 'http://127.0.0.1:4174' }
					}
				]
			: []),
		{ name: 'lifecycle', testMatch: /lifecycle\.spec\.ts/ }
	],
	webServer: [
		{
			command: 'node tests/e2e/serve.js pglite',
			url: 'http://127.0.0.1:4173/readyz',
			env: {
				PORT: '4173',
				HOST: '127.0.0.1',
				LOG_LEVEL: 'warn',
				E2E_FIXTURE_FILE: '.e2e/fixture-pglite.json'
			},
			reuseExistingServer: false,
			timeout: 120_000
		},
		...(withPostgres
			? [
					{
						command: 'node tests/e2e/serve.js postgres',
						url: 'http://127.0.0.1:4174/readyz',
						env: {
							PORT: '4174',
							HOST: '127.0.0.1',
							LOG_LEVEL: 'warn',
							E2E_FIXTURE_FILE: '.e2e/fixture-postgres.json'
						},
						reuseExistingServer: false,
						timeout: 120_000
					}
				]
			: [])
	]
});
