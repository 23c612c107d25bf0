// Serves the built site for the end-to-end tests on a fresh database: a temporary PGlite data
// directory, or (argument `postgres`) a scratch database on the TEST_DATABASE_URL server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { addSecurityHeaders } from '../../scripts/serve-headers.js';

const engine = process.argv[2] ?? 'pglite';
let cleanup = async () => {};

if (engine === 'postgres') {
	const adminUrl = process.env.TEST_DATABASE_URL;
	if (!adminUrl)
		throw new Error('TEST_DATABASE_URL is required for the postgres end-to-end server');
	const { createScratchDatabase } = await tsImport(
		'../../src/lib/server/db/testing.ts',
		import.meta.url
	);
	// A copy of the seeded database scripts/e2e.js made, or an empty one the server seeds.
	const scratch = await createScratchDatabase(adminUrl, process.env.E2E_SEEDED_DATABASE);
	process.env.DATABASE_URL = scratch.url;
	cleanup = () => scratch.drop();
} else {
	const dir = mkdtempSync(join(tmpdir(), 'udb-e2e-'));
	// A copy of the seeded data directory scripts/e2e.js made (not its lock file), or an empty
	// directory the server seeds.
	const seeded = process.env.E2E_SEEDED_DIR;
	if (seeded) {
		const { copyDataDir } = await tsImport('../../src/lib/server/db/testing.ts', import.meta.url);
		copyDataDir(seeded, dir);
	}
	process.env.DATA_DIR = dir;
	cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

// Backups go to a folder of their own; the schedule is off unless a test turns it on, so a
// backup never holds the embedded database in the middle of another test.
const backups = mkdtempSync(join(tmpdir(), 'udb-e2e-backups-'));
process.env.BACKUP_DIR ||= backups;
process.env.BACKUP_HOURS ||= '0';
const cleanDatabase = cleanup;
cleanup = async () => {
	rmSync(backups, { recursive: true, force: true });
	await cleanDatabase();
};

process.once('sveltekit:shutdown', () => {
	// The server closes the database on the same event; give it a moment, then clean up.
	setTimeout(() => void cleanup().catch(() => undefined), 500);
});

// Until the server has its own signal handlers (its import, below), a stop cleans up here: a
// run stopped while a server was being prepared left its scratch database behind.
const stopEarly = () =>
	void cleanup()
		.catch(() => undefined)
		.finally(() => process.exit(143));
process.once('SIGTERM', stopEarly);
process.once('SIGINT', stopEarly);

// Accounts for every role, written where the tests read them (tests/e2e/fixture.ts).
if (process.env.E2E_FIXTURE_FILE) {
	process.env.AUTH_SECRET ||= 'e2e-secret-e2e-secret-e2e-secret-e2e-secret';
	const { createAccountsFixture } = await tsImport('./accounts-fixture.ts', import.meta.url);
	await createAccountsFixture(process.env.E2E_FIXTURE_FILE);
}

// An address lookup that answers from a few known addresses (src/lib/server/geocoding/testing.ts).
if (process.env.E2E_STUB_GEOCODER === '1') {
	const { startStubGeocoder } = await tsImport(
		'../../src/lib/server/geocoding/testing.ts',
		import.meta.url
	);
	const geocoder = await startStubGeocoder();
	process.env.GEOCODER_URL = geocoder.url;
	// Closed with the server: left open, it kept the process alive after SIGTERM.
	process.once('sveltekit:shutdown', () => void geocoder.close());
}

// As `npm start` does: form posts are checked against ORIGIN.
process.env.BODY_SIZE_LIMIT ||= '21M';
process.env.ORIGIN ||= `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '3000'}`;

const { server } = await import(pathToFileURL(join(process.cwd(), 'build', 'index.js')).href);
process.off('SIGTERM', stopEarly);
process.off('SIGINT', stopEarly);
addSecurityHeaders(server);
