import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appState, type Database, type Db } from '../db/index.ts';
import { createBackup, type BackupResult } from './backup.ts';

/** A backup file the server wrote: `uddannelsesby-20261205-013000.backup.gz` (UTC). */
const FILE_NAME = /^uddannelsesby-(\d{8})-(\d{6})\.backup\.gz$/;
const LAST_KEY = 'backup:last';
// Any fixed number: only one instance takes a scheduled backup at a time.
const BACKUP_LOCK_KEY = 851_2023_0019;

export interface BackupSettings {
	/** Where the server writes its backups. */
	dir: string;
	/** Hours between scheduled backups; 0 for none. */
	hours: number;
	/** How many of the server's backup files to keep; older ones are deleted. */
	keep: number;
	appVersion: string;
}

const lastSchema = z.object({
	at: z.string(),
	ok: z.boolean(),
	file: z.string().optional(),
	bytes: z.number().optional(),
	ms: z.number().optional(),
	rows: z.number().optional(),
	error: z.string().optional(),
	/** Who asked: the schedule, or an administrator's id. */
	by: z.string(),
	/** When the last backup that succeeded was taken (kept when a later one fails). */
	lastSuccessAt: z.string().optional()
});
export type LastBackup = z.infer<typeof lastSchema>;

export interface BackupFile {
	name: string;
	bytes: number;
	takenAt: Date;
}

/** The file name for a backup taken at `now`. */
export function backupFileName(now: Date): string {
	const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
	return `uddannelsesby-${stamp}.backup.gz`;
}

/** The server's backup files in `dir`, newest first; other files there are left alone. */
export async function listBackups(dir: string): Promise<BackupFile[]> {
	let names: string[];
	try {
		names = await readdir(dir);
	} catch {
		return [];
	}
	const files: BackupFile[] = [];
	for (const name of names) {
		const match = FILE_NAME.exec(name);
		if (!match) continue;
		const [, day, time] = match as unknown as [string, string, string];
		const takenAt = new Date(
			`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4)}Z`
		);
		const info = await stat(join(dir, name)).catch(() => undefined);
		if (info) files.push({ name, bytes: info.size, takenAt });
	}
	return files.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/** The path of one of the server's backups, or undefined for any other name (no traversal). */
export function backupPath(dir: string, name: string): string | undefined {
	return FILE_NAME.test(name) ? join(resolve(dir), name) : undefined;
}

export async function lastBackup(db: Db): Promise<LastBackup | undefined> {
	const [row] = await db.select().from(appState).where(eq(appState.key, LAST_KEY));
	const parsed = lastSchema.safeParse(row?.value);
	return parsed.success ? parsed.data : undefined;
}

async function recordLast(db: Db, value: LastBackup): Promise<void> {
	await db
		.insert(appState)
		.values({ key: LAST_KEY, value })
		.onConflictDoUpdate({ target: appState.key, set: { value, updatedAt: new Date() } });
}

/** Whether a scheduled backup is due: never taken, or the last attempt is `hours` old. */
export function backupDue(last: LastBackup | undefined, hours: number, now: Date): boolean {
	if (hours <= 0) return false;
	if (!last) return true;
	return now.getTime() - new Date(last.at).getTime() >= hours * 3600_000;
}

export type BackupOutcome =
	| { ok: true; result: BackupResult; deleted: string[] }
	| { ok: false; error: string }
	| { ok: 'skipped' };

/**
 * Takes a backup into the settings' directory, records the outcome for /admin, /readyz and
 * /metrics, and deletes the oldest of the server's files beyond `keep`. On PostgreSQL an
 * advisory lock lets only one instance take it; the others answer 'skipped'.
 */
export async function takeBackup(
	database: Database,
	settings: BackupSettings,
	by: string,
	now = new Date()
): Promise<BackupOutcome> {
	const previous = await lastBackup(database.db);
	// A session lock needs one connection from the pool for its whole life.
	const lock =
		!database.embedded && database.engine.kind === 'postgres'
			? await database.engine.pool.connect()
			: undefined;
	if (lock) {
		const { rows } = await lock.query<{ locked: boolean }>(
			'select pg_try_advisory_lock($1) as locked',
			[BACKUP_LOCK_KEY]
		);
		if (!rows[0]?.locked) {
			lock.release();
			return { ok: 'skipped' };
		}
	}
	try {
		await mkdir(settings.dir, { recursive: true });
		const file = join(settings.dir, backupFileName(now));
		if (await stat(file).catch(() => undefined))
			throw new Error(`${file} exists already: one backup per second at most.`);
		const result = await createBackup(database, file, { appVersion: settings.appVersion });
		await recordLast(database.db, {
			at: now.toISOString(),
			ok: true,
			file: result.file,
			bytes: result.bytes,
			ms: result.ms,
			rows: result.manifest.tables.reduce((sum, t) => sum + t.rows, 0),
			by,
			lastSuccessAt: now.toISOString()
		});
		const deleted: string[] = [];
		for (const old of (await listBackups(settings.dir)).slice(settings.keep)) {
			await rm(join(settings.dir, old.name), { force: true });
			deleted.push(old.name);
		}
		return { ok: true, result, deleted };
	} catch (error) {
		const message = (error as Error).message;
		await recordLast(database.db, {
			at: now.toISOString(),
			ok: false,
			error: message,
			by,
			...(previous?.lastSuccessAt ? { lastSuccessAt: previous.lastSuccessAt } : {})
		}).catch(() => undefined);
		return { ok: false, error: message };
	} finally {
		if (lock) {
			await lock.query('select pg_advisory_unlock($1)', [BACKUP_LOCK_KEY]).catch(() => undefined);
			lock.release();
		}
	}
}
