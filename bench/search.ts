// Search speed: 100,000 synthetic offers (bench/synthetic-offers.ts), searched with words,
// filters and facet counts by 32 concurrent callers on PostgreSQL (the app's own pool of 10),
// and by one caller at a time on PGlite (one session). Prints requests/s and p50/p95/p99 of the
// server-side search time; the directory issue's goal is p95 < 30 ms on PostgreSQL. BENCH_OFFERS
// sets the size. Asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, runMigrations, type Database } from '../src/lib/server/db/index.ts';
import { createScratchDatabase } from '../src/lib/server/db/testing.ts';
import { loadTaxonomy, searchOffers, type OfferQuery } from '../src/lib/server/directory/index.ts';
import { loadSyntheticOffers } from './synthetic-offers.ts';

const OFFERS = Number(process.env.BENCH_OFFERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** What readers ask: words, filters, postcodes, "open now", distance; most with words. */
const QUERIES: Partial<OfferQuery>[] = [
	{ q: 'lektiecafé matematik' },
	{ q: 'stress', audience: ['videregaaende-uddannelse'] },
	{ q: 'fodbolt' },
	{ q: 'ordblindhed', category: ['stoette-og-hjaelpemidler'] },
	{ q: 'SU økonomi' },
	{ q: 'musik', free: true, age: 16 },
	{ q: 'eksamensangst', near: '9000', sort: 'distance' },
	{ q: 'klub', area: ['9400'] },
	{ q: 'rådgivning', open: true },
	{ q: 'mental health', lang: ['en'] },
	{ category: ['fritid-og-idraet'], area: ['9220'] },
	{ audience: ['udskoling'], free: true, page: 3 },
	{ q: 'programmering værksted' },
	{ q: 'lob' },
	{ category: ['vejledning'], near: '9230', sort: 'distance' }
];

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

async function run(database: Database, engine: string, concurrency: number) {
	const times: number[] = [];
	let n = 0;
	// Warm up: each query once (plans, caches), not counted.
	for (const q of QUERIES) await searchOffers(database.db, q, 'da');
	const until = performance.now() + SECONDS * 1000;
	await Promise.all(
		Array.from({ length: concurrency }, async (_, worker) => {
			let i = worker;
			while (performance.now() < until) {
				const query = QUERIES[i++ % QUERIES.length]!;
				const t = performance.now();
				await searchOffers(database.db, query, 'da');
				times.push(performance.now() - t);
				n++;
			}
		})
	);
	times.sort((a, b) => a - b);
	console.log(
		`  ${engine.padEnd(34)} ${String(Math.round(n / SECONDS)).padStart(6)} searches/s   p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   p99 ${percentile(times, 99).toFixed(1)} ms`
	);
	// The slowest kinds of search, to know where to look next.
	const per: string[] = [];
	for (const q of QUERIES) {
		const t = performance.now();
		const r = await searchOffers(database.db, q, 'da');
		per.push(`${(performance.now() - t).toFixed(1)} ms (${r.total} hits) ${JSON.stringify(q)}`);
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
	await loadSyntheticOffers(database.db, { offers: OFFERS });
	console.log(
		`  (loaded ${OFFERS.toLocaleString('en')} synthetic offers in ${((performance.now() - t) / 1000).toFixed(1)} s)`
	);
}

console.log(
	`\nOffer search over ${OFFERS.toLocaleString('en')} synthetic offers, ${SECONDS} s each:`
);
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (url) {
	const scratch = await createScratchDatabase(url);
	const database = await openDatabase({ kind: 'postgres', url: scratch.url });
	try {
		await prepare(database);
		await run(database, 'PostgreSQL, 32 concurrent callers', 32);
	} finally {
		await database.close();
		await scratch.drop();
	}
} else console.log('  PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');

const dir = mkdtempSync(join(tmpdir(), 'udb-bench-search-'));
const pglite = await openDatabase({ kind: 'pglite', dataDir: dir });
try {
	await prepare(pglite);
	await run(pglite, 'PGlite (on disk), 1 caller', 1);
} finally {
	await pglite.close();
	rmSync(dir, { recursive: true, force: true });
}
