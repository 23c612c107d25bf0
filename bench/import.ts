// Import benchmark: a large tidy CSV and JSON-stat file into one indicator, on PGlite and (when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set) PostgreSQL. Prints rows/s and peak memory.
// BENCH_ROWS sets the size (default 1,000,000 = 20 years × 100 areas × 500 breakdown cells).
import { readFileSync } from 'node:fs';
import { openDatabase, runMigrations, type Database } from '../src/lib/server/db/index.ts';
import { createScratchDatabase } from '../src/lib/server/db/testing.ts';
import {
	importObservations,
	parseCsv,
	parseJsonStat,
	toJsonStat,
	type ObservationInput
} from '../src/lib/server/indicators/index.ts';
import { parseStrategy, saveStrategy } from '../src/lib/server/strategy/index.ts';

const target = Number(process.env.BENCH_ROWS ?? 1_000_000);
const geos = Array.from({ length: 100 }, (_, i) => String(101 + i * 7).padStart(3, '0'));
const years = Array.from({ length: 20 }, (_, i) => String(2005 + i));
const cellsPerGeoYear = Math.max(1, Math.round(target / (geos.length * years.length)));
const educations = Array.from(
	{ length: Math.ceil(cellsPerGeoYear / 10) },
	(_, i) => `Uddannelse ${i + 1}`
);
const ages = [
	'15-19 år',
	'20-24 år',
	'25-29 år',
	'30-34 år',
	'35-39 år',
	'40-44 år',
	'45-49 år',
	'50-54 år',
	'55-59 år',
	'60-64 år'
];

function csvText(): string {
	const lines = ['periode;område;uddannelse;alder;værdi'];
	let n = 0;
	for (const year of years)
		for (const geo of geos)
			for (const education of educations)
				for (const age of ages) {
					if (n++ >= target) break;
					lines.push(
						`${year};${geo};${education};${age};${((n * 7919) % 1000) / 10}`.replace(
							/\.(\d)$/,
							',$1'
						)
					);
				}
	return lines.join('\n') + '\n';
}

let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;

async function prepared(engine: 'pglite' | 'postgres'): Promise<Database> {
	let database: Database;
	if (engine === 'pglite') database = await openDatabase({ kind: 'memory' });
	else {
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

function time<T>(work: () => T): [T, number] {
	const t = performance.now();
	const r = work();
	return [r, (performance.now() - t) / 1000];
}

const text = csvText();
const bytes = new TextEncoder().encode(text);
console.log(
	`Node ${process.version}; ${target.toLocaleString('en')} rows, CSV ${mb(bytes.length)}`
);
const [csv, csvSeconds] = time(() => parseCsv(bytes));
if (!csv.ok) throw new Error(JSON.stringify(csv.problems.slice(0, 3)));
const rows: ObservationInput[] = csv.rows;
const jsonBytes = new TextEncoder().encode(
	JSON.stringify(
		toJsonStat(
			rows.map((r) => ({ ...r, isDemo: false })),
			{ code: 'frafald', title: 'bench', unit: 'percent', isDemo: false, locale: 'da' }
		)
	)
);
const [json, jsonSeconds] = time(() => parseJsonStat(jsonBytes));
if (!json.ok) throw new Error(JSON.stringify(json.problems.slice(0, 3)));

const table: Record<string, string | number>[] = [
	{
		step: 'parse + validate CSV',
		engine: '-',
		seconds: csvSeconds.toFixed(1),
		'rows/s': Math.round(rows.length / csvSeconds)
	},
	{
		step: 'parse + validate JSON-stat',
		engine: '-',
		seconds: jsonSeconds.toFixed(1),
		'rows/s': Math.round(json.rows.length / jsonSeconds)
	}
];
const engines: ('pglite' | 'postgres')[] =
	process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
		? ['pglite', 'postgres']
		: ['pglite'];
for (const engine of engines) {
	const database = await prepared(engine);
	try {
		const source = { actor: 'bench', fileName: 'bench.csv', sha256: 'x', format: 'csv' };
		let t = performance.now();
		await importObservations(database.db, 'frafald', rows, source);
		let s = (performance.now() - t) / 1000;
		table.push({
			step: 'first import (all added)',
			engine,
			seconds: s.toFixed(1),
			'rows/s': Math.round(rows.length / s)
		});
		t = performance.now();
		await importObservations(database.db, 'frafald', rows, source);
		s = (performance.now() - t) / 1000;
		table.push({
			step: 'same file again (no change)',
			engine,
			seconds: s.toFixed(1),
			'rows/s': Math.round(rows.length / s)
		});
	} finally {
		await database.close();
	}
}
clearInterval(sample);
console.table(table);
console.log(
	`peak resident memory: ${mb(peak)} (the importer holds the parsed file in memory; see the README)`
);
