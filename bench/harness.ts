// What the search benchmarks share: a seeded PRNG and COPY helpers for synthetic data, and a
// run that measures one search function on both engines and prints searches/s and
// percentiles. Asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
	copyInto,
	type CopyRow,
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

/** One row for copyInto (kept as a function, so the loaders read as rows of columns). */
export const copyLine = (values: (string | number | null)[]): CopyRow => values;

/** `count` rows for copyInto in batches of 5,000. */
export function* copyChunks(count: number, row: (i: number) => CopyRow): Generator<CopyRow[]> {
	let batch: CopyRow[] = [];
	for (let i = 0; i < count; i++) {
		batch.push(row(i));
		if (batch.length >= 5000) {
			yield batch;
			batch = [];
		}
	}
	if (batch.length) yield batch;
}

/**
 * Synthetic organisations, labelled demo, one for each id: slugs `<slug>-<i>`, names
 * `<name> <i> (demo)`, of the kind `kind(i)` gives.
 */
export function copyOrganizations(
	tx: Db,
	ids: string[],
	slug: string,
	name: string,
	kind: (i: number) => string
): Promise<void> {
	return copyInto(
		tx,
		'organizations',
		['id', 'slug', 'name', 'kind', 'is_demo'],
		copyChunks(ids.length, (i) =>
			copyLine([ids[i]!, `${slug}-${i}`, `${name} ${i} (demo)`, kind(i), 't'])
		)
	);
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

/** `callers` concurrent callers for the bench's time; caller k starts at query `first + k`. */
async function callersLoop<Q>(bench: SearchBench<Q>, db: Db, callers: number, first: number) {
	const times: number[] = [];
	const until = performance.now() + bench.seconds * 1000;
	await Promise.all(
		Array.from({ length: callers }, async (_, caller) => {
			let i = first + caller;
			while (performance.now() < until) {
				const query = bench.queries[i++ % bench.queries.length]!;
				const t = performance.now();
				await bench.search(db, query);
				times.push(performance.now() - t);
			}
		})
	);
	return times;
}

function report(label: string, times: number[], seconds: number) {
	times.sort((a, b) => a - b);
	console.log(
		`  ${label.padEnd(46)} ${String(Math.round(times.length / seconds)).padStart(6)} searches/s   p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   p99 ${percentile(times, 99).toFixed(1)} ms`
	);
}

async function measure<Q>(
	bench: SearchBench<Q>,
	database: Database,
	label: string,
	callers: number
) {
	// Warm up: each query once (plans, caches, the offer index), not counted.
	for (const q of bench.queries) await bench.search(database.db, q);
	report(label, await callersLoop(bench, database.db, callers, 0), bench.seconds);
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

interface InstanceTask {
	searchBench: true;
	url: string;
	callers: number;
	first: number;
}

/**
 * Several app instances on one database, as docs/deployment.md runs them: each a worker thread
 * (its own event loop, pool and in-memory indexes) with its share of the callers; the same
 * queries in the same mix as one instance gets.
 */
async function measureInstances<Q>(
	bench: SearchBench<Q>,
	url: string,
	label: string,
	instances: number,
	callers: number
) {
	const script = process.argv[1]!;
	const tsx = import.meta.resolve('tsx/esm/api');
	const workers = Array.from({ length: instances }, (_, k) => {
		const share = Math.floor(callers / instances) + (k < callers % instances ? 1 : 0);
		const first = k * Math.floor(callers / instances) + Math.min(k, callers % instances);
		const task: InstanceTask = { searchBench: true, url, callers: share, first };
		// The worker loads this same bench script through tsx, and it runs runInstance.
		const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(script).href)}); })`;
		return new Worker(code, { eval: true, workerData: task });
	});
	const next = (worker: Worker) =>
		new Promise<{ times?: number[] }>((resolve, reject) => {
			worker.once('message', resolve);
			worker.once('error', reject);
		});
	// Every instance warms up (and builds its index) before any is timed.
	await Promise.all(workers.map(next));
	const done = workers.map(next);
	for (const worker of workers) worker.postMessage('start');
	const times = (await Promise.all(done)).flatMap((m) => m.times ?? []);
	await Promise.all(workers.map((worker) => new Promise((r) => worker.once('exit', r))));
	report(label, times, bench.seconds);
}

/** Inside a worker of measureInstances: one instance's callers. */
async function runInstance<Q>(bench: SearchBench<Q>, task: InstanceTask) {
	const database = await openDatabase({ kind: 'postgres', url: task.url });
	try {
		for (const q of bench.queries) await bench.search(database.db, q);
		parentPort!.postMessage({});
		await new Promise((resolve) => parentPort!.once('message', resolve));
		parentPort!.postMessage({
			times: await callersLoop(bench, database.db, task.callers, task.first)
		});
	} finally {
		await database.close();
	}
}

async function prepare<Q>(bench: SearchBench<Q>, database: Database) {
	await runMigrations(database);
	await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'bench');
	const t = performance.now();
	await bench.load(database.db);
	console.log(`  (loaded in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
}

/**
 * PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL, a scratch database) with one caller,
 * with 32 concurrent callers on one app instance (the app's default pool of 10, then a pool of
 * BENCH_POOL_SIZE, default two per core) and on
 * BENCH_INSTANCES instances (default: one per core, at least 2), then PGlite on disk with one
 * caller.
 */
export async function runSearchBench<Q>(bench: SearchBench<Q>): Promise<void> {
	const task = workerData as InstanceTask | undefined;
	if (!isMainThread && task?.searchBench) return runInstance(bench, task);
	console.log(`\n${bench.title}, ${bench.seconds} s each:`);
	const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (url) {
		const scratch = await createScratchDatabase(url);
		const database = await openDatabase({ kind: 'postgres', url: scratch.url });
		try {
			await prepare(bench, database);
			await measure(bench, database, 'PostgreSQL, 1 caller', 1);
			await measure(bench, database, 'PostgreSQL, 32 concurrent callers', 32);
			// The same with a pool sized to this machine's cores (DATABASE_POOL_SIZE, about two
			// connections per core of the database server; docs/deployment.md).
			const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 2 * availableParallelism());
			if (poolSize !== 10) {
				const sized = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize });
				try {
					await measure(bench, sized, `PostgreSQL, 32 callers, pool of ${poolSize}`, 32);
				} finally {
					await sized.close();
				}
			}
			const instances = Number(process.env.BENCH_INSTANCES ?? Math.max(2, availableParallelism()));
			await measureInstances(
				bench,
				scratch.url,
				`PostgreSQL, 32 callers over ${instances} instances`,
				instances,
				32
			);
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
