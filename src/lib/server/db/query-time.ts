import type pg from 'pg';

/** Told the seconds each database statement took (the metrics module listens). */
let observer: ((seconds: number) => void) | undefined;

export function observeQueryTime(listener: ((seconds: number) => void) | undefined): void {
	observer = listener;
}

/**
 * Times every statement a pool's clients run, for the database-time metric: node-postgres
 * calls `client.query` with a callback (Pool.query) or for a promise (transactions); both are
 * timed. Streams (COPY) are passed through untimed. Costs nothing while no one listens.
 */
export function timeQueries(pool: pg.Pool): void {
	pool.on('connect', (client) => {
		const query = client.query.bind(client) as (...args: unknown[]) => unknown;
		(client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
			const listener = observer;
			if (!listener) return query(...args);
			const started = performance.now();
			const done = () => listener((performance.now() - started) / 1000);
			const last = args.at(-1);
			if (typeof last === 'function') {
				args[args.length - 1] = (...results: unknown[]) => {
					done();
					return (last as (...r: unknown[]) => unknown)(...results);
				};
				return query(...args);
			}
			const result = query(...args);
			if (result instanceof Promise) result.then(done, done);
			return result;
		};
	});
}
