#!/usr/bin/env node
// `npm run bench`: requests/s and latency percentiles of public pages under 32 concurrent
// connections, on PGlite and (when BENCH_DATABASE_URL or TEST_DATABASE_URL is set) PostgreSQL,
// next to a static file served by the same Node process as the ceiling. Prints figures; asserts
// nothing. Goals (README): front page p95 < 20 ms and >= 40 % of the static ceiling's requests/s.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { buildIfNeeded } from '../scripts/build-if-needed.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
// BENCH_ONLY=<words>: only the targets whose name contains them (e.g. "72,000").
const only = process.env.BENCH_ONLY;
const chosen = (/** @type {string} */ name) => !only || name.includes(only);
const connections = 32;
/** @type {{ name: string; path: string; headers?: Record<string, string> }[]} */
const targets = [
	{ name: 'static file (ceiling)', path: '/favicon.svg' },
	{ name: 'front page', path: '/' },
	// A cookie makes the request ineligible for the page cache: the cost of rendering.
	{ name: 'front page, rendered (no page cache)', path: '/', headers: { cookie: 'bench=1' } },
	{ name: 'pejlemærke page', path: '/pejlemaerker/uddannelse-for-alle' },
	{ name: 'strategy API', path: '/api/v1/strategy' },
	{ name: 'indicator overview', path: '/indikatorer' },
	{
		name: 'offer search (204 demo offers)',
		path: '/tilbud?q=lektiehj%C3%A6lp&audience=ungdomsuddannelse'
	},
	{
		name: 'offer search, rendered (no page cache)',
		path: '/tilbud?q=lektiehj%C3%A6lp&audience=ungdomsuddannelse',
		headers: { cookie: 'bench=1' }
	},
	{ name: 'offers API', path: '/api/v1/offers?q=stress' },
	{ name: 'indicator page (chart, table)', path: '/indikatorer/frafald?geo=000&geo=751' },
	{
		name: 'indicator page, rendered (no page cache)',
		path: '/indikatorer/frafald?geo=000&geo=751',
		headers: { cookie: 'bench=1' }
	}
];

buildIfNeeded(root, { quiet: true });

/** @param {'pglite' | 'postgres' | 'large'} engine @param {number} port @param {Record<string, string>} [env] */
async function startServer(engine, port, env = {}) {
	// The V8 flag as `npm start` and the Dockerfile give it.
	const args = [
		'--max-semi-space-size=64',
		...(engine === 'large' ? ['scripts/start.js'] : ['tests/e2e/serve.js', engine])
	];
	const child = spawn(process.execPath, args, {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
		stdio: ['ignore', 'inherit', 'inherit']
	});
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
		} catch {
			// starting
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill('SIGTERM');
	throw new Error(`the ${engine} server did not start`);
}

/** @param {number[]} sorted @param {number} p */
const percentile = (sorted, p) =>
	sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** @param {string} url @param {Record<string, string>} [headers] */
async function measure(url, headers = {}) {
	// Warm up (JIT, caches), then measure.
	await autocannon({ url, connections, duration: 2, headers });
	/** @type {number[]} */
	const latencies = [];
	/** @type {autocannon.Result} */
	const result = await new Promise((resolve, reject) => {
		const instance = autocannon({ url, connections, duration: seconds, headers }, (error, r) =>
			error ? reject(error) : resolve(r)
		);
		instance.on('response', (_client, _status, _bytes, responseTime) =>
			latencies.push(responseTime)
		);
	});
	latencies.sort((a, b) => a - b);
	return {
		rps: result.requests.average,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		errors: result.errors + result.non2xx
	};
}

/**
 * @param {string} engine @param {string} target @param {Awaited<ReturnType<typeof measure>>} r
 * @param {string} ofStatic
 */
const row = (engine, target, r, ofStatic) => ({
	engine,
	target,
	'req/s': Math.round(r.rps),
	'% of static': ofStatic,
	'p50 ms': r.p50.toFixed(1),
	'p95 ms': r.p95.toFixed(1),
	'p99 ms': r.p99.toFixed(1),
	errors: r.errors
});

const engines = /** @type {const} */ (['pglite']);
const withPostgres = Boolean(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
if (withPostgres && !process.env.TEST_DATABASE_URL)
	process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
/** @type {('pglite' | 'postgres')[]} */
const run = withPostgres ? [...engines, 'postgres'] : [...engines];

console.log(`Node ${process.version}, ${connections} connections, ${seconds} s per target\n`);
const rows = [];
let port = 4700;
for (const engine of targets.some((t) => chosen(t.name)) ? run : []) {
	const server = await startServer(engine, ++port);
	try {
		let ceiling = NaN;
		for (const target of targets.filter((t) => chosen(t.name) || t.path === '/favicon.svg')) {
			const r = await measure(`http://127.0.0.1:${port}${target.path}`, target.headers);
			if (target.path === '/favicon.svg') ceiling = r.rps;
			rows.push(row(engine, target.name, r, ((100 * r.rps) / ceiling).toFixed(0)));
		}
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.on('exit', r));
	}
}
// The indicator page with a large series: 20 years × 100 areas × 3 breakdown dimensions
// (sex 3 × age 4 × origin 3 = 36 cells), 72,000 observations, on the embedded database.
if (
	chosen('indicator page, 72,000 obs., rendered') ||
	chosen('indicator page, 72,000 obs., page cache')
) {
	const dataDir = mkdtempSync(join(tmpdir(), 'udb-bench-'));
	const csv = join(dataDir, 'frafald-large.csv');
	const lines = ['periode;område;køn;alder;herkomst;værdi'];
	let n = 0;
	for (let year = 2005; year < 2025; year++)
		for (let g = 0; g < 100; g++)
			for (const sex of ['I alt', 'Kvinder', 'Mænd'])
				for (const age of ['I alt', '15-19 år', '20-24 år', '25-29 år'])
					for (const origin of ['I alt', 'Dansk oprindelse', 'Indvandrere og efterkommere']) {
						const geo = g === 0 ? '851' : g === 1 ? '000' : String(101 + g * 7);
						const value = String(((++n * 7919) % 200) / 10).replace('.', ',');
						lines.push(`${year};${geo};${sex};${age};${origin};${value}`);
					}
	writeFileSync(csv, lines.join('\n') + '\n');
	const env = { ...process.env, DATA_DIR: dataDir, SEED_ON_FIRST_START: 'false' };
	const cli = (/** @type {string[]} */ args) =>
		spawnSync(process.execPath, ['cli/bin.js', ...args], { cwd: root, env, encoding: 'utf8' });
	const loaded = cli(['strategy', 'load', 'strategies/aalborg-2023-2026.yaml']);
	const imported = cli(['indicators', 'import', 'frafald', csv]);
	if (loaded.status !== 0 || imported.status !== 0) {
		throw new Error(`could not prepare the large dataset: ${loaded.stderr}${imported.stderr}`);
	}
	const server = await startServer('large', ++port, {
		DATA_DIR: dataDir,
		SEED_ON_FIRST_START: 'false'
	});
	try {
		const page = '/indikatorer/frafald?geo=000&geo=101&geo=461';
		for (const target of [
			{ name: 'indicator page, 72,000 obs., rendered', path: page, headers: { cookie: 'bench=1' } },
			{ name: 'indicator page, 72,000 obs., page cache', path: page }
		].filter((t) => chosen(t.name))) {
			const r = await measure(`http://127.0.0.1:${port}${target.path}`, target.headers);
			rows.push(row('pglite', target.name, r, ''));
		}
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.on('exit', r));
		rmSync(dataDir, { recursive: true, force: true });
	}
}

if (!withPostgres)
	console.log('PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to include it.\n');
console.table(rows);
