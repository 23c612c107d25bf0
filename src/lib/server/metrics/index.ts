// Metrics in the Prometheus text format for /metrics (prom-client): requests by route pattern,
// database time, the mail queue, import and sync runs, and the process's own figures.
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram } from 'prom-client';
import { observeQueryTime } from '../db/index.ts';
import { registry } from './registry.ts';

export { registry };
export { startMetricsServer } from './server.ts';

const requests = new Histogram({
	name: 'uddannelsesby_http_request_duration_seconds',
	help: 'Time to answer a request, by method, route pattern (never the raw URL) and status.',
	labelNames: ['method', 'route', 'status'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
	registers: [registry]
});

const queries = new Histogram({
	name: 'uddannelsesby_db_query_duration_seconds',
	help: 'Time of each database statement.',
	buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
	registers: [registry]
});
observeQueryTime((seconds) => queries.observe(seconds));

const runs = new Counter({
	name: 'uddannelsesby_indicator_runs_total',
	help: 'Indicator imports and StatBank syncs, by kind and outcome.',
	labelNames: ['kind', 'outcome'] as const,
	registers: [registry]
});

/** Filled in by the app with a query of the outbox when it starts. */
let mailSource: (() => Promise<Record<string, number>>) | undefined;

new Gauge({
	name: 'uddannelsesby_mail_outbox',
	help: 'Mail by state: kept in the outbox (no SMTP, read in /admin/post), sent, failed.',
	labelNames: ['state'] as const,
	registers: [registry],
	async collect() {
		if (!mailSource) return;
		try {
			for (const [state, count] of Object.entries(await mailSource())) this.set({ state }, count);
		} catch {
			// A scrape during a database outage still answers with the other metrics.
		}
	}
});

/** Filled in by the app: when the last backup that succeeded was taken. */
let backupSource: (() => Promise<Date | undefined>) | undefined;

new Gauge({
	name: 'uddannelsesby_backup_age_seconds',
	help: 'Seconds since the last backup that succeeded (absent before the first one).',
	registers: [registry],
	async collect() {
		this.reset();
		if (!backupSource) return;
		try {
			const at = await backupSource();
			if (at) this.set(Math.max(0, (Date.now() - at.getTime()) / 1000));
		} catch {
			// As for the mail queue: the other metrics still answer.
		}
	}
});

const backups = new Counter({
	name: 'uddannelsesby_backup_runs_total',
	help: "The server's backups, by outcome (ok, failed).",
	labelNames: ['outcome'] as const,
	registers: [registry]
});

export function watchBackups(source: typeof backupSource): void {
	backupSource = source;
}

export function countBackup(outcome: 'ok' | 'failed'): void {
	backups.inc({ outcome });
}

export function observeRequest(
	method: string,
	route: string | null,
	status: number,
	seconds: number
) {
	// Unknown paths (404s) share one label, so a scanner cannot grow the series without end.
	requests.observe({ method, route: route ?? 'unmatched', status: String(status) }, seconds);
}

export function countRun(kind: 'import' | 'sync', outcome: string): void {
	runs.inc({ kind, outcome });
}

export function watchMailQueue(source: typeof mailSource): void {
	mailSource = source;
}

/**
 * The answer to a scrape: 404 when no token is configured, 401 without the right bearer
 * token (compared in constant time), else the metrics in the Prometheus text format.
 */
export async function metricsResponse(
	authorization: string | null,
	token: string | undefined
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
	const text = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
	if (!token) return { status: 404, headers: text, body: 'Not found\n' };
	const given = Buffer.from(/^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '');
	const expected = Buffer.from(token);
	if (given.length !== expected.length || !timingSafeEqual(given, expected))
		return {
			status: 401,
			headers: { ...text, 'www-authenticate': 'Bearer realm="metrics"' },
			body: 'A bearer token is required.\n'
		};
	return {
		status: 200,
		headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
		body: await registry.metrics()
	};
}
