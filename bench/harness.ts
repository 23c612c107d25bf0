// What the search benchmarks share: a seeded PRNG and COPY helpers for synthetic data, and a
// run that measures one search function on both engines and prints searches/s and
// percentiles. Asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	copyValue,
	openDatabase,
	runMigrations,
	type Database,
	type Db
} from '../src/lib/server/db/index.ts';
import { createScratchDatabase } from '../src/lib/server/db/testing.ts';
import { loadTaxonomy } from '../src/lib/server/directory/index.ts';

/** A small seeded PRNG (mulberry32), so every run builds the same data. */
export function random(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** One COPY text line. */
export const copyLine = (values: (string | number | null)[]) =>
	values.map(copyValue).join('\t') + '\n';

/** `count` COPY lines in chunks of about 1 MB. */
export async function* copyChunks(count: number, row: (i: number) => string) {
	let chunk = '';
	for (let i = 0; i < count; i++) {
		chunk += row(i);
		if (chunk.length > 1 << 20) {
			yield chunk;
			chunk = '';
		}
	}
	if (chunk) yield chunk;
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

export interface SearchBench<Q> {
	/** "Offer search over 100,000 synthetic offers". */
	title: string;
	seconds: number;
	queries: Q[];
	/** Loads the synthetic data into a migrated database with the taxonomy. */
	load(db: Db): Promise<void>;
	/** One search; the number of hits (for the slowest-query lines). */
	search(db: Db, query: Q): Promise<number>;
}

async function measure<Q>(
	bench: SearchBench<Q>,
	database: Database,
	label: string,
	callers: number
) {
	const times: number[] = [];
	let n = 0;
	// Warm up: each query once (plans, caches), not counted.
	for (const q of bench.queries) await bench.search(database.db, q);
	const until = performance.now() + bench.seconds * 1000;
	await Promise.all(
		Array.from({ length: callers }, async (_, worker) => {
			let i = worker;
			while (performance.now() < until) {
				const query = bench.queries[i++ % bench.queries.length]!;
				const t = performance.now();
				await bench.search(database.db, query);
				times.push(performance.now() - t);
				n++;
			}
		})
	);
	times.sort((a, b) => a - b);
	console.log(
		`  ${label.padEnd(34)} ${String(Math.round(n / bench.seconds)).padStart(6)} searches/s   p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   p99 ${percentile(times, 99).toFixed(1)} ms`
	);
	if (callers > 1) return;
	// The slowest kinds of search alone, to know where to look next.
	const per: string[] = [];
	for (const q of bench.queries) {
		const t = performance.now();
		const hits = await bench.search(database.db, q);
		per.push(`${(performance.now() - t).toFixed(1)} ms (${hits} hits) ${JSON.stringify(q)}`);
	}
	console.log(
		per
			.sort((a, b) => parseFloat(b) - parseFloat(a))
			.slice(0, 3)
			.map((l) => `      slowest alone: ${l}`)
			.join('\n')
	);
}

async function prepare<Q>(bench: SearchBench<Q>, database: Database) {
	await runMigrations(database);
	await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'bench');
	const t = performance.now();
	await bench.load(database.db);
	console.log(`  (loaded in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
}

/**
 * PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL, a scratch database) with one caller and
 * with 32 concurrent callers (the app's own pool of 10), then PGlite on disk with one caller.
 */
export async function runSearchBench<Q>(bench: SearchBench<Q>): Promise<void> {
	console.log(`\n${bench.title}, ${bench.seconds} s each:`);
	const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (url) {
		const scratch = await createScratchDatabase(url);
		const database = await openDatabase({ kind: 'postgres', url: scratch.url });
		try {
			await prepare(bench, database);
			await measure(bench, database, 'PostgreSQL, 1 caller', 1);
			await measure(bench, database, 'PostgreSQL, 32 concurrent callers', 32);
		} finally {
			await database.close();
			await scratch.drop();
		}
	} else console.log('  PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
	const dir = mkdtempSync(join(tmpdir(), 'udb-bench-search-'));
	const pglite = await openDatabase({ kind: 'pglite', dataDir: dir });
	try {
		await prepare(bench, pglite);
		await measure(bench, pglite, 'PGlite (on disk), 1 caller', 1);
	} finally {
		await pglite.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
