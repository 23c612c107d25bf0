import { sql } from 'drizzle-orm';
import { migrationStatus, type Database } from './db/index.ts';

export interface Readiness {
	ready: boolean;
	checks: {
		database: 'ok' | 'error' | 'importing';
		migrations: 'current' | 'pending' | 'unknown';
	};
	detail?: string;
}

/**
 * Readiness: the database answers and every committed migration has been applied. While an
 * import runs on the embedded database, it holds the only connection until it commits, so the
 * answer says "importing" at once rather than waiting: the server still serves cached pages.
 */
export async function checkReadiness(open: () => Database, importsRunning = 0): Promise<Readiness> {
	let database: Database;
	try {
		database = open();
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
		return {
			ready: status.current,
			checks: { database: 'ok', migrations: status.current ? 'current' : 'pending' },
			...(status.current
				? {}
				: { detail: `${status.applied} of ${status.expected} migrations applied` })
		};
	} catch (error) {
		return {
			ready: false,
			checks: { database: 'ok', migrations: 'unknown' },
			detail: (error as Error).message
		};
	}
}
