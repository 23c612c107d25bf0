import { readFileSync } from 'node:fs';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import type { Fixture } from '../tests/e2e/accounts-fixture.ts';
import { unusedTotp } from '../tests/support/totp.ts';
import { cellValue, cubeOf, jsonStatOf } from '../tests/support/jsonstat-cube.ts';

/**
 * A million observations on the embedded database (the accounts server on PGlite), as an
 * attacker and an editor would meet them: an upload of that size, previewed and imported, then
 * four parallel downloads of each format with cache-busting query strings. The goals: throughout,
 * the liveness probe and a cached public page answer within a second, and the downloads do not
 * grow the server by 300 MB or more (issue 21, findings 1 and 5).
 *
 * A measurement, not a test of behaviour: `npm run bench` runs it (bench/load.js), and CI does
 * not (it took 2.5 of CI's minutes). The import and downloads themselves are tested at a smaller
 * size in Vitest and tests/e2e.
 */
// In order, in one worker: the downloads need the imported million.
test.describe.configure({ mode: 'default' });

/**
 * Issue 21's goal for both answers, during the import and the downloads. Measured on 2 cores
 * with this benchmark's own load: /healthz at most about 0.3 s and a cached page about 0.5 s
 * during the import (30 s before the fix; 1.5 s and 2.4 s while PGlite still ran on the
 * server's thread).
 */
const IMPORT_BUDGET_MS = 1000;

const CODE = 'erhvervsuddannelse';

function fixture(baseURL: string): Fixture & { pid: number } {
	return JSON.parse(readFileSync(`.e2e/fixture-${new URL(baseURL).port}.json`, 'utf8'));
}

/** 20 years × 100 areas × 50 educations × 10 age groups: 1,000,000 values, about 6 MB. */
function millionValues(): Buffer {
	const cube = cubeOf(1_000_000);
	return Buffer.from(
		JSON.stringify(
			jsonStatOf(
				cube,
				Array.from({ length: 1_000_000 }, (_, n) => cellValue(n))
			)
		)
	);
}

/**
 * A goal's figure, printed with whether it is met: a benchmark measures, it does not fail on
 * time (what the downloads and the import must get right is asserted).
 */
function goal(what: string, value: number, below: number, unit: string) {
	console.log(
		`${what}: ${value.toFixed(0)} ${unit} (goal under ${below} ${unit}: ${value < below ? 'met' : 'NOT MET'})`
	);
}

/** The server's resident memory, from /proc. */
function rssBytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/**
 * Asks for the liveness probe and a cached public page every 100 ms, and samples the server's
 * memory, until stopped; reports the slowest answers and the highest memory.
 */
function watch(baseURL: string, pid: number) {
	let running = true;
	const slowest = { healthz: 0, page: 0 };
	let peakRss = rssBytes(pid);
	const failures: string[] = [];
	const probe = async (path: string, key: 'healthz' | 'page') => {
		while (running) {
			const started = performance.now();
			try {
				const response = await fetch(`${baseURL}${path}`, { signal: AbortSignal.timeout(10_000) });
				await response.arrayBuffer();
				if (!response.ok) failures.push(`${path}: ${response.status}`);
			} catch (error) {
				failures.push(`${path}: ${(error as Error).message}`);
			}
			slowest[key] = Math.max(slowest[key], performance.now() - started);
			await new Promise((r) => setTimeout(r, 100));
		}
	};
	const memory = (async () => {
		while (running) {
			peakRss = Math.max(peakRss, rssBytes(pid));
			await new Promise((r) => setTimeout(r, 100));
		}
	})();
	const loops = [probe('/healthz', 'healthz'), probe('/', 'page'), memory];
	return {
		async stop() {
			running = false;
			await Promise.all(loops);
			return { slowest, peakRss, failures };
		}
	};
}

async function signedInEditor(baseURL: string): Promise<APIRequestContext> {
	const f = fixture(baseURL);
	const editor = f.users.editor!;
	const api = await request.newContext({ baseURL });
	const form = (path: string, data: Record<string, string>) =>
		// As a browser posts a form: SvelteKit answers other clients' posts with JSON and 200.
		api.post(path, {
			form: data,
			headers: { origin: baseURL, accept: 'text/html' },
			maxRedirects: 0
		});
	// Another run a moment ago may have used up this address's sign-in attempts for the minute
	// (a hundred): wait for the window to pass rather than fail.
	let status = 0;
	for (let tries = 0; tries < 15 && status !== 303; tries++) {
		if (tries > 0) await new Promise((r) => setTimeout(r, 5000));
		status = (
			await form('/log-ind?/login', { email: editor.email, password: f.password })
		).status();
	}
	expect(status).toBe(303);
	const code = await unusedTotp(editor.totpSecret!);
	expect((await form('/log-ind/kode', { code })).status()).toBe(303);
	return api;
}

test('a million-row upload on PGlite: the probe and cached pages keep answering within a second', async ({
	baseURL
}) => {
	test.setTimeout(360_000);
	const f = fixture(baseURL!);
	const api = await signedInEditor(baseURL!);
	// The front page is in the page cache before the import starts.
	expect((await fetch(`${baseURL}/`)).status).toBe(200);
	const watcher = watch(baseURL!, f.pid);
	const preview = await api.post('/admin/indikatorer?/preview', {
		multipart: {
			indicator: CODE,
			file: { name: 'elevtal.json', mimeType: 'application/json', buffer: millionValues() }
		},
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0,
		timeout: 300_000
	});
	expect(preview.status()).toBe(200);
	const draft = /name="draft" value="([0-9a-f-]{36})"/.exec(await preview.text())?.[1];
	expect(draft, 'the preview offers to import the file').toBeTruthy();
	const readyDuring = fetch(`${baseURL}/readyz`).then((r) => r.json());
	const confirmed = await api.post('/admin/indikatorer?/confirm', {
		form: { draft: draft! },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0,
		timeout: 300_000
	});
	expect(confirmed.status()).toBe(303);
	expect(confirmed.headers().location).toContain('tilfoejet=1000000');
	const { slowest, failures } = await watcher.stop();
	expect(failures).toEqual([]);
	goal('slowest /healthz during the import', slowest.healthz, IMPORT_BUDGET_MS, 'ms');
	goal('slowest cached page during the import', slowest.page, IMPORT_BUDGET_MS, 'ms');
	expect(['ok', 'importing']).toContain((await readyDuring).checks.database);
	await api.dispose();
});

test('four parallel downloads of each format of a million observations: the server stays live and small', async ({
	baseURL
}) => {
	test.setTimeout(480_000);
	const { pid } = fixture(baseURL!);
	const before = rssBytes(pid);
	const watcher = watch(baseURL!, pid);
	const started = performance.now();
	const downloads = (['csv', 'json', 'xlsx'] as const).flatMap((format) =>
		[1, 2, 3, 4].map(async (n) => {
			const response = await fetch(`${baseURL}/indikatorer/${CODE}.${format}?x=${n}`, {
				signal: AbortSignal.timeout(420_000)
			});
			const bytes = new Uint8Array(await response.arrayBuffer());
			return { format, status: response.status, bytes };
		})
	);
	const results = await Promise.all(downloads);
	const seconds = (performance.now() - started) / 1000;
	const { slowest, peakRss, failures } = await watcher.stop();
	console.log(
		`12 downloads in ${seconds.toFixed(1)} s; slowest /healthz ${slowest.healthz.toFixed(0)} ms, cached page ${slowest.page.toFixed(0)} ms; memory ${Math.round(before / 2 ** 20)} MB before, ${Math.round(peakRss / 2 ** 20)} MB at most`
	);
	for (const r of results) expect(r.status, r.format).toBe(200);
	// Every request for a format got the same file: one build, whatever the query string.
	for (const format of ['csv', 'json', 'xlsx']) {
		const sizes = new Set(results.filter((r) => r.format === format).map((r) => r.bytes.length));
		expect(sizes.size, format).toBe(1);
	}
	const csv = new TextDecoder().decode(results.find((r) => r.format === 'csv')!.bytes);
	expect(csv.split('\r\n').length - 2).toBe(1_000_000);
	const json = JSON.parse(
		new TextDecoder().decode(results.find((r) => r.format === 'json')!.bytes)
	);
	expect(json.value.filter((v: number | null) => v !== null)).toHaveLength(1_000_000);
	expect(failures).toEqual([]);
	goal('slowest /healthz during the downloads', slowest.healthz, IMPORT_BUDGET_MS, 'ms');
	goal('slowest cached page during the downloads', slowest.page, IMPORT_BUDGET_MS, 'ms');
	goal('growth of the server during the downloads', (peakRss - before) / 2 ** 20, 300, 'MB');
});
