import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg, { type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './connect.ts';

/** A value in PostgreSQL's COPY text format (tab-separated, `\N` for null). */
export function copyValue(value: string | number | null): string {
	if (value === null) return '\\N';
	if (typeof value === 'number') return String(value);
	return value.replace(/[\\\n\r\t]/g, (c) =>
		c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'
	);
}

/**
 * A node-postgres client on a server that cannot take `COPY … FROM STDIN`: the embedded database
 * through pglite-socket. `copyInto` answers false on it, and the caller inserts instead.
 */
export class ClientWithoutCopy extends pg.Client {}

interface PgliteLike {
	query(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

/**
 * Loads lines of COPY text into a table inside the current transaction: `COPY … FROM STDIN`
 * streamed on PostgreSQL, one `COPY … FROM '/dev/blob'` per chunk on PGlite. This reaches under
 * Drizzle to the transaction's own connection, which Drizzle does not expose; returns false when
 * the connection is of neither kind (the caller then inserts instead).
 */
export async function copyInto(
	tx: Db,
	table: string,
	columns: string[],
	chunks: AsyncIterable<string>
): Promise<boolean> {
	const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
	const target = `${table} (${columns.join(', ')})`;
	if (client instanceof ClientWithoutCopy) return false;
	if (client && typeof (client as PoolClient).release === 'function') {
		const stream = (client as PoolClient).query(copyFrom(`copy ${target} from stdin`));
		const done = finished(stream);
		done.catch(() => undefined);
		for await (const chunk of chunks) {
			if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
		}
		stream.end();
		await done;
		return true;
	}
	if (
		client &&
		typeof (client as PgliteLike).query === 'function' &&
		'closed' in (client as object)
	) {
		for await (const chunk of chunks)
			await (client as PgliteLike).query(`copy ${target} from '/dev/blob'`, [], {
				blob: new Blob([chunk])
			});
		return true;
	}
	return false;
}
