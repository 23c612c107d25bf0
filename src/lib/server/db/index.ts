// Database access: opens PGlite (embedded, one process per data directory) or PostgreSQL,
// runs the committed migrations, and reports whether they are current.
export {
	openDatabase,
	redactUrl,
	DatabaseConnectionError,
	type Database,
	type DatabaseTarget,
	type Db
} from './connect.ts';
export {
	runMigrations,
	migrateWithin,
	migrationStatus,
	migrationsFolder,
	rowsOf,
	type MigrationStatus
} from './migrate.ts';
export { DataDirectoryInUseError } from './lock.ts';
export { appState } from './schema.ts';
export { bumpContentVersion, readContentVersion } from './content-version.ts';
export { copyInto, type CopyRow } from './copy.ts';
export { lookup } from './lookup.ts';
export { observeQueryTime } from './query-time.ts';
