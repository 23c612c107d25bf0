import { openAndMigrate, seedOnFirstStart } from './bootstrap.ts';
import { databaseTarget, loadConfig, publicUrl, type Config } from './config.ts';
import type { Database } from './db/index.ts';
import { logger } from './log.ts';

/**
 * The server process's one database, opened at start-up (SvelteKit's `init` hook) and closed
 * when the process is told to stop.
 */
let state: { config: Config; database: Database } | undefined;
let stopping: Promise<void> | undefined;

export async function startApp(): Promise<void> {
	const config = loadConfig();
	const database = await openAndMigrate(databaseTarget(config), 'the web server');
	state = { config, database };
	if (config.SEED_ON_FIRST_START === 'true') {
		const seed = await seedOnFirstStart(database);
		if (seed.seeded) logger.info({ strategy: seed.strategy }, 'first start: loaded the default strategy');
	}
	logger.info({ database: database.description }, 'database ready');
	logger.info({ url: publicUrl(config) }, `Uddannelsesby is running on ${publicUrl(config)}`);
}

export function appDatabase(): Database {
	if (!state) throw new Error('The database is not open: the server has not started or is stopping.');
	return state.database;
}

/** Closes the database cleanly so the next start opens it without recovery. */
export function stopApp(reason: string): Promise<void> {
	stopping ??= (async () => {
		const current = state;
		state = undefined;
		if (!current) return;
		logger.info({ reason }, 'closing the database');
		await current.database.close();
		logger.info('database closed');
	})();
	return stopping;
}
