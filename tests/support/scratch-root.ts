import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest's global set-up: one folder for what the test processes share for the whole run (the
 * migrated data directory they copy, src/lib/server/db/testing.ts), removed when the run ends.
 * Test processes inherit UDB_TEST_SCRATCH; they may be stopped without running exit handlers.
 */
export default function setup(): () => void {
	const root = mkdtempSync(join(tmpdir(), 'udb-test-run-'));
	process.env.UDB_TEST_SCRATCH = root;
	return () => rmSync(root, { recursive: true, force: true });
}
