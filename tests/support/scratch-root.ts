import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli } from '../../cli/bundle.js';

/**
 * Vitest's global set-up: the command line's bundle (cli/bundle.js) made if the sources changed,
 * and one folder for what the test processes share for the whole run (the
 * migrated data directory they copy, src/lib/server/db/testing.ts), removed when the run ends.
 * Test processes inherit UDB_TEST_SCRATCH; they may be stopped without running exit handlers.
 */
export default async function setup(): Promise<() => void> {
	// The tests that run the command as a process run the bundle, as a built site does.
	await bundleCli();
	const root = mkdtempSync(join(tmpdir(), 'udb-test-run-'));
	process.env.UDB_TEST_SCRATCH = root;
	return () => rmSync(root, { recursive: true, force: true });
}
