// Job board speed: 50,000 synthetic postings (bench/synthetic-postings.ts), searched with words,
// kinds, education fields and levels, hours, deadlines and distance, with the counts per kind,
// field and level, on PostgreSQL by one caller and by 32 concurrent callers (the app's own
// pool of 10), and by one caller on PGlite. Prints searches/s and p50/p95/p99 of the search
// time; the jobs issue's goal is p95 < 30 ms on PostgreSQL. BENCH_POSTINGS sets the size.
// Asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, runMigrations, type Database } from '../src/lib/server/db/index.ts';
import { createScratchDatabase } from '../src/lib/server/db/testing.ts';
import { loadTaxonomy } from '../src/lib/server/directory/index.ts';
import {
	searchOpportunities,
	type OpportunityQuery
} from '../src/lib/server/opportunities/index.ts';
import { loadSyntheticPostings } from './synthetic-postings.ts';

const POSTINGS = Number(process.env.BENCH_POSTINGS ?? 50_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** What students ask: a kind, a field, a level, words, nearby, English-friendly. */
const QUERIES: Partial<OpportunityQuery>[] = [
	{},
	{ type: ['studiejob'] },
	{ type: ['fritidsjob'], maxHours: 10 },
	{ q: 'elektriker', type: ['laereplads'] },
	{ field: ['it'], level: ['videregaaende'] },
	{ q: 'café' },
	{ englishFriendly: true, type: ['studiejob', 'praktikplads'] },
	{ near: '9000', km: 5, sort: 'distance' },
	{ near: '9220', sort: 'distance', type: ['fritidsjob'] },
	{ sort: 'deadline', deadlineFrom: new Date().toISOString().slice(0, 10) },
	{ q: 'frivillig træner' },
	{ level: ['udskoling'], area: ['9400'] },
	{ sort: 'newest', page: 5 },
	{ q: 'marketing', englishFriendly: true },
	{ field: ['sundhed', 'paedagogik'], near: '9000', sort: 'distance' }
];

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

async function run(database: Database, engine: string, concurrency: number) {
	const times: number[] = [];
	let n = 0;
	for (const q of QUERIES) await searchOpportunities(database.db, q, 'da');
	const until = performance.now() + SECONDS * 1000;
	await Promise.all(
		Array.from({ length: concurrency }, async (_, worker) => {
			let i = worker;
			while (performance.now() < until) {
				const query = QUERIES[i++ % QUERIES.length]!;
				const t = performance.now();
				await searchOpportunities(database.db, query, 'da');
				times.push(performance.now() - t);
				n++;
			}
		})
	);
	times.sort((a, b) => a - b);
	console.log(
		`  ${engine.padEnd(34)} ${String(Math.round(n / SECONDS)).padStart(6)} searches/s   p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   p99 ${percentile(times, 99).toFixed(1)} ms`
	);
	if (concurrency > 1) return;
	const per: string[] = [];
	for (const q of QUERIES) {
		const t = performance.now();
		const r = await searchOpportunities(database.db, q, 'da');
		per.push(`${(performance.now() - t).toFixed(1)} ms (${r.total} open) ${JSON.stringify(q)}`);
	}
	console.log(
		per
			.sort((a, b) => parseFloat(b) - parseFloat(a))
			.slice(0, 3)
			.map((l) => `      slowest alone: ${l}`)
			.join('\n')
	);
}

async function prepare(database: Database) {
	await runMigrations(database);
	await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'bench');
	const t = performance.now();
	await loadSyntheticPostings(database.db, { postings: POSTINGS });
	console.log(
		`  (loaded ${POSTINGS.toLocaleString('en')} synthetic postings in ${((performance.now() - t) / 1000).toFixed(1)} s)`
	);
}

console.log(
	`\nJob search over ${POSTINGS.toLocaleString('en')} synthetic postings, ${SECONDS} s each:`
);
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (url) {
	const scratch = await createScratchDatabase(url);
	const database = await openDatabase({ kind: 'postgres', url: scratch.url });
	try {
		await prepare(database);
		await run(database, 'PostgreSQL, 1 caller', 1);
		await run(database, 'PostgreSQL, 32 concurrent callers', 32);
	} finally {
		await database.close();
		await scratch.drop();
	}
} else console.log('  PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');

const dir = mkdtempSync(join(tmpdir(), 'udb-bench-jobs-'));
const pglite = await openDatabase({ kind: 'pglite', dataDir: dir });
try {
	await prepare(pglite);
	await run(pglite, 'PGlite (on disk), 1 caller', 1);
} finally {
	await pglite.close();
	rmSync(dir, { recursive: true, force: true });
}
