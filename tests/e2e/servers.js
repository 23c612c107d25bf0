// The servers the browser tests run against, shared by playwright.config.ts (which starts them
// one after another when run directly) and scripts/e2e.js (which starts them side by side).
// Page servers read the seeded demo data; account servers get accounts for every role
// (accounts-fixture.ts) and a stand-in address lookup, as their tests change data.

/**
 * @param {number[]} ports four ports: pages, pages on PostgreSQL, accounts, accounts on PostgreSQL
 * @param {boolean} withPostgres whether TEST_DATABASE_URL names a PostgreSQL server
 */
export function e2eServers(ports, withPostgres) {
	// The load measurement (bench/load.js, E2E_LOAD=1) needs the embedded accounts server only.
	const load = process.env.E2E_LOAD === '1';
	const all = [
		{ name: 'pglite', engine: 'pglite', port: ports[0], fixture: false },
		{ name: 'accounts-pglite', engine: 'pglite', port: ports[2], fixture: true },
		...(withPostgres
			? [
					{ name: 'postgres', engine: 'postgres', port: ports[1], fixture: false },
					{ name: 'accounts-postgres', engine: 'postgres', port: ports[3], fixture: true }
				]
			: [])
	];
	return all
		.filter((server) => !load || server.name === 'accounts-pglite')
		.map((server) => ({
			...server,
			command: `node tests/e2e/serve.js ${server.engine}`,
			args: ['tests/e2e/serve.js', server.engine],
			url: `http://127.0.0.1:${server.port}/readyz`,
			env: {
				PORT: String(server.port),
				HOST: '127.0.0.1',
				LOG_LEVEL: 'warn',
				...(server.fixture
					? {
							E2E_FIXTURE_FILE: `.e2e/fixture-${server.port}.json`,
							E2E_STUB_GEOCODER: '1',
							// Calendar feeds come from a stand-in server on this machine (calendars.spec.ts).
							FEED_ALLOW_PRIVATE: 'true'
						}
					: {})
			}
		}));
}
