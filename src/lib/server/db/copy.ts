import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import pg, { type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './connect.ts';
import { rowsOf } from './migrate.ts';

/** A value in PostgreSQL's COPY text format (tab-separated, `\N` for null). */
export function copyValue(value: string | number | null): string {
	if (value === null) return '\\N';
	if (typeof value === 'number') return String(value);
	// Most values need no escape: a scan is cheaper than a replace that finds nothing.
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if (c === 92 || c === 10 || c === 13 || c === 9)
			return value.replace(/[\\\n\r\t]/g, (c) =>
				c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'
			);
	}
	return value;
}

/** Rows in COPY's text format, a line each. */
function copyText(rows: readonly CopyRow[]): string {
	let text = '';
	for (const row of rows) text += row.map(copyValue).join('\t') + '\n';
	return text;
}

/**
 * A node-postgres client on a server that cannot take `COPY … FROM STDIN`: the embedded database
 * through pglite-socket. `copyInto` answers false on it, and the caller inserts instead.
 */
export class ClientWithoutCopy extends pg.Client {}

interface PgliteLike {
	query(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

/** One row for `copyInto`: a value per column (null for NULL). */
export type CopyRow = readonly (string | number | null)[];

/**
 * Loads rows into a table inside the current transaction, batch by batch as they come:
 * `COPY … FROM STDIN` streamed on PostgreSQL, one `COPY … FROM '/dev/blob'` per batch on PGlite
 * in this thread, and on the embedded database's own thread (whose socket takes no COPY) one
 * insert per batch from arrays, each value read by its column's type. This reaches under Drizzle
 * to the transaction's own connection, which Drizzle does not expose.
 */
export async function copyInto(
	tx: Db,
	table: string,
	columns: string[],
	batches: AsyncIterable<CopyRow[]> | Iterable<CopyRow[]>
): Promise<void> {
	const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
	const target = `${table} (${columns.join(', ')})`;
	if (
		client &&
		!(client instanceof ClientWithoutCopy) &&
		typeof (client as PoolClient).release === 'function'
	) {
		const stream = (client as PoolClient).query(copyFrom(`copy ${target} from stdin`));
		const done = finished(stream);
		done.catch(() => undefined);
		for await (const rows of batches) {
			if (!stream.write(copyText(rows))) await Promise.race([once(stream, 'drain'), done]);
		}
		stream.end();
		await done;
		return;
	}
	if (
		client &&
		typeof (client as PgliteLike).query === 'function' &&
		'closed' in (client as object)
	) {
		for await (const rows of batches)
			if (rows.length > 0)
				await (client as PgliteLike).query(`copy ${target} from '/dev/blob'`, [], {
					blob: new Blob([copyText(rows)])
				});
		return;
	}
	// Text arrays, one per column, each value read by its column's type (as COPY reads text).
	const types = new Map(
		rowsOf<{ name: string; type: string }>(
			await tx.execute(sql`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
				from pg_attribute a where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped`)
		).map((r) => [r.name, r.type])
	);
	const typed = columns.map((column, k) => {
		const type = types.get(column);
		if (!type) throw new Error(`copyInto: ${table} has no column ${column}`);
		return sql.raw(`c${k}::${type}`);
	});
	const names = sql.raw(columns.map((_, k) => `c${k}`).join(', '));
	for await (const rows of batches) {
		if (rows.length === 0) continue;
		const arrays = columns.map((_, k) =>
			rows.map((row) => (row[k] === null || row[k] === undefined ? null : String(row[k])))
		);
		await tx.execute(
			sql`insert into ${sql.raw(target)} select ${sql.join(typed, sql`, `)} from unnest(${sql.join(
				arrays.map((values) => sql`${sql.param(values)}::text[]`),
				sql`, `
			)}) as t(${names})`
		);
	}
}
