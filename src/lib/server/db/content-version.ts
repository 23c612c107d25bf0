import { eq, sql } from 'drizzle-orm';
import type { Db } from './connect.ts';
import { appState } from './schema.ts';

const KEY = 'content-version';

/**
 * A counter that every audited write increases in its own transaction, so caches of public
 * pages (in this process or in other instances on the same PostgreSQL) can tell they are stale.
 */
export async function bumpContentVersion(tx: Db): Promise<void> {
	await tx.execute(sql`
		insert into app_state (key, value) values (${KEY}, '1'::jsonb)
		on conflict (key) do update set value = to_jsonb((app_state.value #>> '{}')::bigint + 1), updated_at = now()`);
}

export async function readContentVersion(db: Db): Promise<string> {
	const [row] = await db
		.select({ value: appState.value })
		.from(appState)
		.where(eq(appState.key, KEY));
	return row ? String(row.value) : '0';
}
