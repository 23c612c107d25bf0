import { sql } from 'drizzle-orm';
import { migrationStatus, type Database } from './db/index.ts';
import { lastBackup } from './backup/index.ts';

export interface Readiness {
	ready: boolean;
	checks: {
		database: 'ok' | 'error' | 'importing' | 'backing-up';
		migrations: 'current' | 'pending' | 'unknown';
	};
	detail?: string;
	/** The server's last backup: when, whether it worked, and the last one that did. */
	backup?: { at: string; ok: boolean; lastSuccessAt?: string; error?: string };
}

/**
 * Readiness: the database answers and every committed migration has been applied. While an
 * import runs on the embedded database, it holds the only connection until it commits, so the
 * answer says "importing" at once rather than waiting: the server still serves cached pages.
 */
export async function checkReadiness(
	open: () => Database,
	importsRunning = 0,
	backupRunning = false
): Promise<Readiness> {
	let database: Database;
	try {
		database = open();
		if (backupRunning && database.embedded)
			return {
				ready: true,
				checks: { database: 'backing-up', migrations: 'current' },
				detail: 'a backup is being written; pages not in the cache wait until it is done'
			};
		if (importsRunning > 0 && database.embedded)
			return {
				ready: true,
				checks: { database: 'importing', migrations: 'current' },
				detail: `${importsRunning} import${importsRunning > 1 ? 's' : ''} running; pages not in the cache wait until it is done`
			};
		await database.db.execute(sql`select 1`);
	} catch (error) {
		return {
			ready: false,
			checks: { database: 'error', migrations: 'unknown' },
			detail: (error as Error).message
		};
	}
	try {
		const status = await migrationStatus(database);
		const last = await lastBackup(database.db);
		return {
			ready: status.current,
			checks: { database: 'ok', migrations: status.current ? 'current' : 'pending' },
			...(status.current
				? {}
				: { detail: `${status.applied} of ${status.expected} migrations applied` }),
			...(last
				? {
						backup: {
							at: last.at,
							ok: last.ok,
							...(last.lastSuccessAt ? { lastSuccessAt: last.lastSuccessAt } : {}),
							...(last.error ? { error: last.error } : {})
						}
					}
				: {})
		};
	} catch (error) {
		return {
			ready: false,
			checks: { database: 'ok', migrations: 'unknown' },
			detail: (error as Error).message
		};
	}
}
