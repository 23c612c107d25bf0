import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../db/testing.ts';
import {
	countRun,
	metricsResponse,
	observeRequest,
	startMetricsServer,
	watchBackups,
	countBackup,
	watchMailQueue
} from './index.ts';

const TOKEN = 'a-token-of-sixteen-or-more';

async function scrape() {
	const answer = await metricsResponse(`Bearer ${TOKEN}`, TOKEN);
	expect(answer.status).toBe(200);
	expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
	const families = parsePrometheusTextFormat(answer.body);
	return Object.assign((name: string) => families.find((f) => f.name === name), {
		text: answer.body
	});
}

/** The value of one sample line (`name{labels}`) in Prometheus text; 0 when it is not there. */
function sample(text: string, line: string): number {
	const found = text.split('\n').find((l) => l.startsWith(`${line} `));
	return found ? Number(found.slice(line.length + 1)) : 0;
}

describe('/metrics', () => {
	it('answers only with the configured bearer token', async () => {
		expect((await metricsResponse(`Bearer ${TOKEN}`, undefined)).status).toBe(404);
		expect((await metricsResponse(null, TOKEN)).status).toBe(401);
		expect((await metricsResponse('Bearer wrong', TOKEN)).status).toBe(401);
		expect((await metricsResponse(`Basic ${TOKEN}`, TOKEN)).status).toBe(401);
		const refused = await metricsResponse(`Bearer ${TOKEN}x`, TOKEN);
		expect(refused).toMatchObject({
			status: 401,
			headers: { 'www-authenticate': 'Bearer realm="metrics"' }
		});
		expect(refused.body).not.toContain('uddannelsesby_');
	});

	it('is Prometheus text with requests by route pattern, runs, the mail queue and the process', async () => {
		// Counters belong to the process, and other test files in it count too: compare with
		// what they held before.
		const before = await scrape();
		observeRequest('GET', '/indikatorer/[code]', 200, 0.012);
		observeRequest('GET', '/indikatorer/[code]', 200, 0.3);
		observeRequest('GET', null, 404, 0.001);
		countRun('import', 'rejected');
		countRun('sync', 'unchanged');
		watchMailQueue(async () => ({ outbox: 3, sent: 10, failed: 1 }));
		watchBackups(async () => new Date(Date.now() - 7200_000));
		countBackup('failed');
		const family = await scrape();
		const added = (line: string) => sample(family.text, line) - sample(before.text, line);

		const requests = family('uddannelsesby_http_request_duration_seconds');
		expect(requests?.type).toBe('HISTOGRAM');
		// (The parser keeps a histogram's buckets but not its labels; the lines show those.)
		expect(
			added(
				'uddannelsesby_http_request_duration_seconds_count{method="GET",route="/indikatorer/[code]",status="200"}'
			)
		).toBe(2);
		expect(
			added(
				'uddannelsesby_http_request_duration_seconds_bucket{le="0.025",method="GET",route="/indikatorer/[code]",status="200"}'
			)
		).toBe(1);
		// No raw URL ever becomes a label: an unknown path is "unmatched".
		expect(
			added(
				'uddannelsesby_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}'
			)
		).toBe(1);

		expect(
			added('uddannelsesby_indicator_runs_total{kind="import",outcome="rejected"}'),
			'import rejected'
		).toBe(1);
		expect(
			added('uddannelsesby_indicator_runs_total{kind="sync",outcome="unchanged"}'),
			'sync unchanged'
		).toBe(1);
		expect(family('uddannelsesby_mail_outbox')?.metrics).toEqual(
			expect.arrayContaining([
				{ value: '3', labels: { state: 'outbox' } },
				{ value: '1', labels: { state: 'failed' } }
			])
		);
		const age = Number(family('uddannelsesby_backup_age_seconds')?.metrics[0]?.value);
		expect(age).toBeGreaterThanOrEqual(7200);
		expect(age).toBeLessThan(7300);
		expect(added('uddannelsesby_backup_runs_total{outcome="failed"}')).toBe(1);
		expect(family('uddannelsesby_process_cpu_user_seconds_total')?.type).toBe('COUNTER');
		expect(family('uddannelsesby_nodejs_heap_size_used_bytes')?.type).toBe('GAUGE');
	});

	it('can be served on a port of their own (METRICS_PORT), and nothing else there', async () => {
		const { server, port } = await startMetricsServer(0, '127.0.0.1');
		try {
			const answer = await fetch(`http://127.0.0.1:${port}/metrics`);
			expect(answer.status).toBe(200);
			const families = parsePrometheusTextFormat(await answer.text());
			expect(families.some((f) => f.name === 'uddannelsesby_process_cpu_user_seconds_total')).toBe(
				true
			);
			expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
			expect((await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'POST' })).status).toBe(
				404
			);
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});

	it.each(testEngines().filter((e) => e.name === 'postgres'))(
		'counts database time for statements on $name',
		async (engine) => {
			const database = await engine.open();
			try {
				const before = Number(
					(await scrape())('uddannelsesby_db_query_duration_seconds')?.metrics[0]?.count ?? 0
				);
				for (let i = 0; i < 5; i++) await database.db.execute(sql`select 1`);
				await database.db.transaction(async (tx) => tx.execute(sql`select 2`));
				const after = Number(
					(await scrape())('uddannelsesby_db_query_duration_seconds')?.metrics[0]?.count ?? 0
				);
				expect(after - before).toBeGreaterThanOrEqual(6);
			} finally {
				await database.close();
			}
		}
	);
});
