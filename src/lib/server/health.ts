import { sql } from 'drizzle-orm';
import { migrationStatus, type Database } from './db/index.ts';

export interface Readiness {
	ready: boolean;
	checks: { database: 'ok' | 'error'; migrations: 'current' | 'pending' | 'unknown' };
	detail?: string;
}

/** Readiness: the database answers and every committed migration has been applied. */
export async function checkReadiness(open: () => Database): Promise<Readiness> {
	let database: Database;
	try {
		database = open();
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
