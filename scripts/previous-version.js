#!/usr/bin/env node
// Expand-then-contract, tested (docs/deployment.md, Upgrades): the code as it was just before
// this version's newest migration runs its own database tests against the schema with every
// migration of this version applied. That is what happens in a rolling upgrade on PostgreSQL,
// where an instance of the previous version keeps serving while the next one has migrated.
// `npm run test:previous`; .ci/run runs it. Needs git history (a full clone).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
/** The previous version's tests that read and write the database, domain by domain. */
const SUITES = [
	'src/lib/server/directory',
	'src/lib/server/opportunities',
	'src/lib/server/indicators',
	'src/lib/server/followup',
	'src/lib/server/accounts',
	'src/lib/server/strategy'
];

/** @param {string[]} args */
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const journal = JSON.parse(readFileSync(join(root, 'migrations/meta/_journal.json'), 'utf8'));
const newest = journal.entries.at(-1).tag;
const added = git('log', '--diff-filter=A', '--format=%H', '--', `migrations/${newest}.sql`)
	.split('\n')
	.at(-1);
if (!added) {
	console.error(
		`Cannot find the commit that added migrations/${newest}.sql: a full clone is needed.`
	);
	process.exit(1);
}
const previous = git('rev-parse', `${added}^`);
console.log(
	`The code before ${newest} (${previous.slice(0, 12)}) against the schema with all ${journal.entries.length} migrations`
);

const dir = mkdtempSync(join(tmpdir(), 'udb-previous-'));
try {
	execFileSync('sh', ['-c', `git archive ${previous} | tar -x -C "${dir}"`], { cwd: root });
	const sameLock =
		readFileSync(join(dir, 'package-lock.json'), 'utf8') ===
		readFileSync(join(root, 'package-lock.json'), 'utf8');
	if (sameLock) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
	else
		execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {
			cwd: dir,
			stdio: 'inherit'
		});
	if (sameLock) execFileSync('npm', ['run', 'prepare'], { cwd: dir, stdio: 'inherit' });
	const suites = SUITES.filter((suite) => existsSync(join(dir, suite)));
	// PostgreSQL only: the embedded database is one process, stopped before it is upgraded, so
	// an old version never meets a new schema there. Database suites are named "… on 'postgres'".
	const results = join(dir, 'previous-results.json');
	const run = spawnSync(
		'npx',
		[
			'vitest',
			'run',
			'--testNamePattern',
			"on 'postgres'",
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${results}`,
			...suites
		],
		{
			cwd: dir,
			stdio: 'inherit',
			env: { ...process.env, MIGRATIONS_DIR: join(root, 'migrations') }
		}
	);
	process.exitCode = run.status ?? 1;
	// A pattern that matches nothing skips every test, and Vitest calls that a pass.
	const passed = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')).numPassedTests : 0;
	if (run.status === 0 && !(passed > 0)) {
		console.error('No test of the previous version ran on PostgreSQL: is TEST_DATABASE_URL set?');
		process.exitCode = 1;
	} else if (run.status === 0)
		console.log(
			`${passed} tests of the previous version passed on PostgreSQL. Those Vitest lists as skipped are left out on purpose: their PGlite halves, and tests without a database.`
		);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
