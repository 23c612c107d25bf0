// Import benchmark: a 1,000,000-observation tidy CSV and JSON-stat file into one indicator, on
// PGlite and (when BENCH_DATABASE_URL or TEST_DATABASE_URL is set) PostgreSQL, through the same
// streaming import as the CLI and the upload page. Each import runs in its own process so its
// peak memory is its own. Prints rows/s and peak resident memory; asserts nothing.
// BENCH_ROWS sets the size (default 1,000,000 = 20 years × 100 areas × 50 educations × 10 ages);
// BENCH_ENGINES=postgres (or pglite) runs one engine only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, runMigrations, type Database } from '../src/lib/server/db/index.ts';
import { createScratchDatabase } from '../src/lib/server/db/testing.ts';
import { importFile } from '../src/lib/server/indicators/index.ts';
import { parseStrategy, saveStrategy } from '../src/lib/server/strategy/index.ts';
import { cellValue, cubeOf, jsonStatOf } from '../tests/support/jsonstat-cube.ts';

const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;

async function prepared(engine: 'pglite' | 'postgres'): Promise<Database> {
	let database: Database;
	if (engine === 'pglite') {
		// On disk, as `npm start` runs it: an in-memory database would count the data as memory.
		const dir = mkdtempSync(join(tmpdir(), 'udb-bench-pglite-'));
		const opened = await openDatabase({ kind: 'pglite', dataDir: dir });
		database = {
			...opened,
			close: async () => (await opened.close(), rmSync(dir, { recursive: true, force: true }))
		};
	} else {
		const scratch = await createScratchDatabase(
			process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL!
		);
		const opened = await openDatabase({ kind: 'postgres', url: scratch.url });
		database = { ...opened, close: async () => (await opened.close(), await scratch.drop()) };
	}
	await runMigrations(database);
	const strategy = parseStrategy(readFileSync('strategies/aalborg-2023-2026.yaml', 'utf8'));
	if (!strategy.ok) throw new Error('strategy');
	await saveStrategy(database.db, strategy.strategy, { actor: 'bench' });
	return database;
}

/** Child: import one file twice (first load, then the same file again) and report as JSON. */
async function child(engine: 'pglite' | 'postgres', file: string) {
	const database = await prepared(engine);
	const result: Record<string, number> = {};
	try {
		for (const run of ['first', 'again'] as const) {
			const t = performance.now();
			const outcome = await importFile(
				database.db,
				'frafald',
				{ data: { path: file }, fileName: file.endsWith('.json') ? 'bench.json' : 'bench.csv' },
				{ actor: 'bench' }
			);
			if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems.slice(0, 3)));
			result[`${run}Seconds`] = (performance.now() - t) / 1000;
			result.rows = outcome.rows;
		}
	} finally {
		await database.close();
	}
	result.peakRss = process.resourceUsage().maxRSS * 1024;
	console.log(JSON.stringify(result));
}

function files(dir: string, target: number) {
	const cube = cubeOf(target);
	const lines = ['periode;område;uddannelse;alder;værdi'];
	const values: number[] = [];
	for (const year of cube.years)
		for (const geo of cube.geos)
			for (const education of cube.educations)
				for (const age of cube.ages) {
					const value = cellValue(values.length + 1);
					values.push(value);
					lines.push(`${year};${geo};${education};${age};${String(value).replace('.', ',')}`);
				}
	const csv = join(dir, 'bench.csv');
	writeFileSync(csv, lines.join('\n') + '\n');
	const json = join(dir, 'bench.json');
	writeFileSync(json, JSON.stringify(jsonStatOf(cube, values)));
	return { csv, json, rows: values.length };
}

if (process.argv[2] === '--child') {
	await child(process.argv[3] as 'pglite' | 'postgres', process.argv[4]!);
} else {
	const dir = mkdtempSync(join(tmpdir(), 'udb-bench-'));
	try {
		const { csv, json, rows } = files(dir, Number(process.env.BENCH_ROWS ?? 1_000_000));
		console.log(
			`Node ${process.version}; ${rows.toLocaleString('en')} observations; CSV ${mb(readFileSync(csv).length)}, JSON-stat ${mb(readFileSync(json).length)}`
		);
		const engines = (
			process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
				? ['pglite', 'postgres']
				: ['pglite']
		).filter((engine) => (process.env.BENCH_ENGINES ?? engine).split(',').includes(engine)) as (
			'pglite' | 'postgres'
		)[];
		const table: Record<string, string | number>[] = [];
		for (const engine of engines)
			for (const [format, file] of [
				['CSV', csv],
				['JSON-stat', json]
			] as const) {
				const run = spawnSync(
					process.execPath,
					['--import', 'tsx', 'bench/import.ts', '--child', engine, file],
					{
						encoding: 'utf8',
						env: process.env,
						maxBuffer: 1 << 20
					}
				);
				const line = run.stdout.trim().split('\n').at(-1) ?? '';
				if (run.status !== 0 || !line.startsWith('{')) {
					console.error(run.stderr);
					throw new Error(`the ${engine} ${format} import failed`);
				}
				const r = JSON.parse(line) as Record<string, number>;
				table.push({
					engine,
					format,
					'first import s': r.firstSeconds!.toFixed(1),
					'first rows/s': Math.round(r.rows! / r.firstSeconds!),
					'same file again s': r.againSeconds!.toFixed(1),
					'again rows/s': Math.round(r.rows! / r.againSeconds!),
					'peak memory': mb(r.peakRss!)
				});
			}
		console.table(table);
		console.log('Each import: read, check every row, stage, compare and write in one transaction.');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
