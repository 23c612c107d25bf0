import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
	migrateWithin,
	migrationsFolder,
	migrationStatus,
	rowsOf,
	runMigrations,
	type Database,
	type Db
} from '../db/index.ts';

/**
 * A backup is one gzip file of JSON lines, the same on both engines, so a backup from the
 * embedded database restores into PostgreSQL and the other way round:
 *
 *   line 1      the manifest: app version, migration level, and each table's columns, row
 *               count and checksum, and each sequence's value, all read in one snapshot;
 *   then        per table, a line `{"#table": name}` followed by one JSON object per row
 *               (no column name starts with #);
 *   last line   `{"#end": true}`, so a cut-off file is recognised as such.
 *
 * Rows are read and written by PostgreSQL itself (`to_json`, `json_populate_recordset`), so
 * every type goes through its own text form. Generated columns (the search vectors) are left
 * out and rebuilt by the target.
 */
export const BACKUP_FORMAT = 'uddannelsesby-backup';
export const BACKUP_FORMAT_VERSION = 1;

const tableEntry = z.object({
	name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
	columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).min(1),
	rows: z.number().int().nonnegative(),
	checksum: z.string().regex(/^[0-9]+$/)
});
const manifestSchema = z.object({
	format: z.literal(BACKUP_FORMAT),
	formatVersion: z.literal(BACKUP_FORMAT_VERSION),
	appVersion: z.string(),
	migration: z.string(),
	engine: z.enum(['pglite', 'postgres']),
	createdAt: z.string(),
	tables: z.array(tableEntry),
	sequences: z.array(
		z.object({
			name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
			value: z
				.string()
				.regex(/^-?[0-9]+$/)
				.nullable()
		})
	)
});
export type BackupManifest = z.infer<typeof manifestSchema>;
export type TableSummary = z.infer<typeof tableEntry>;

/** A backup that cannot be made or restored: the message says which file, table or row, and why. */
export class BackupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupError';
	}
}

export interface BackupResult {
	file: string;
	bytes: number;
	ms: number;
	manifest: BackupManifest;
}

/**
 * Tables left out of every backup: live sign-in sessions and one-time tokens (a copied backup
 * must not let anyone in; after a restore everyone signs in again) and rate-limit counters
 * (worthless after their minute). The restore's migrations create them empty.
 */
export const NOT_BACKED_UP: ReadonlySet<string> = new Set([
	'sessions',
	'verifications',
	'rate_limit_buckets'
]);

const ROWS_PER_FETCH = 2000;
const ROWS_PER_INSERT = 2000;

/** PostgreSQL's own message, not Drizzle's "Failed query" with every parameter. */
function databaseMessage(error: unknown): string {
	const cause = (error as { cause?: unknown }).cause;
	return cause instanceof Error ? cause.message : (error as Error).message;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface TableInfo {
	name: string;
	columns: string[];
}

/** The app's tables in an order that inserts parents before the rows that refer to them. */
async function tablesInOrder(tx: Db): Promise<TableInfo[]> {
	const columns = rowsOf<{ table: string; column: string }>(
		await tx.execute(sql`
			select c.relname as "table", a.attname as "column"
			from pg_class c
			join pg_namespace n on n.oid = c.relnamespace
			join pg_attribute a on a.attrelid = c.oid
			where n.nspname = 'public' and c.relkind in ('r', 'p')
				and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
			order by c.relname, a.attnum`)
	);
	const edges = rowsOf<{ child: string; parent: string }>(
		await tx.execute(sql`
			select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
			from pg_constraint c
			join pg_namespace n on n.oid = c.connamespace
			where c.contype = 'f' and n.nspname = 'public'`)
	);
	const byTable = new Map<string, string[]>();
	for (const { table, column } of columns) {
		const list = byTable.get(table) ?? [];
		list.push(column);
		byTable.set(table, list);
	}
	const unquote = (name: string) => name.replace(/^"|"$/g, '');
	const parents = new Map<string, Set<string>>();
	for (const { child, parent } of edges) {
		if (child === parent) continue;
		const set = parents.get(unquote(child)) ?? new Set<string>();
		set.add(unquote(parent));
		parents.set(unquote(child), set);
	}
	const ordered: TableInfo[] = [];
	const placed = new Set<string>();
	const names = [...byTable.keys()].sort();
	while (ordered.length < names.length) {
		const next = names.find(
			(name) => !placed.has(name) && [...(parents.get(name) ?? [])].every((p) => placed.has(p))
		);
		if (!next) throw new BackupError('The tables refer to each other in a circle.');
		placed.add(next);
		ordered.push({ name: next, columns: byTable.get(next) ?? [] });
	}
	return ordered;
}

/**
 * Session settings that make the text of a row the same on every engine and server, so
 * checksums compare: UTC, ISO dates, shortest exact floats, hex bytea.
 */
async function settleTextForms(tx: Db): Promise<void> {
	await tx.execute(sql`set local timezone = 'UTC'`);
	await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
	await tx.execute(sql`set local extra_float_digits = 1`);
	await tx.execute(sql`set local bytea_output = 'hex'`);
	await tx.execute(sql`set local intervalstyle = 'postgres'`);
}

/**
 * Row count and an order-free checksum: the sum of the first 60 bits of each row's MD5. The
 * row's text is built from the stored columns only, in the manifest's order.
 */
async function summarise(tx: Db, table: TableInfo): Promise<TableSummary> {
	const columns = table.columns.map(ident).join(', ');
	const result = rowsOf<{ rows: string; checksum: string }>(
		await tx.execute(
			sql.raw(`select count(*)::text as rows,
				coalesce(sum(('x' || left(md5(row(${columns})::text), 15))::bit(60)::bigint), 0)::text as checksum
				from ${ident(table.name)}`)
		)
	)[0];
	return {
		name: table.name,
		columns: table.columns,
		rows: Number(result?.rows ?? 0),
		checksum: result?.checksum ?? '0'
	};
}

async function sequences(tx: Db): Promise<BackupManifest['sequences']> {
	return rowsOf<{ name: string; value: string | null }>(
		await tx.execute(sql`
			select sequencename as name, last_value::text as value
			from pg_sequences where schemaname = 'public' order by sequencename`)
	);
}

export interface CreateOptions {
	appVersion: string;
	/** Called once the snapshot is taken; tests write during the backup from here. */
	onSnapshot?: () => Promise<void>;
}

/**
 * Writes a backup of the whole database to `file`, from one consistent snapshot (a
 * repeatable-read, read-only transaction). The file appears only when it is complete: it is
 * written beside it and renamed. On the embedded database the snapshot holds its only
 * connection, so other queries wait until the backup is written.
 */
export async function createBackup(
	database: Database,
	file: string,
	options: CreateOptions
): Promise<BackupResult> {
	const started = performance.now();
	const status = await migrationStatus(database);
	if (!status.level)
		throw new BackupError('The database has no migrations applied: there is nothing to back up.');
	const partial = `${file}.partial`;
	try {
		const manifest = await database.db.transaction(async (tx) => {
			await tx.execute(sql`set transaction isolation level repeatable read, read only`);
			await settleTextForms(tx);
			const tables = (await tablesInOrder(tx)).filter((t) => !NOT_BACKED_UP.has(t.name));
			const summaries: TableSummary[] = [];
			for (const table of tables) summaries.push(await summarise(tx, table));
			const manifest: BackupManifest = {
				format: BACKUP_FORMAT,
				formatVersion: BACKUP_FORMAT_VERSION,
				appVersion: options.appVersion,
				migration: status.level ?? '',
				engine: database.engine.kind === 'pglite' || database.embedded ? 'pglite' : 'postgres',
				createdAt: new Date().toISOString(),
				tables: summaries,
				sequences: await sequences(tx)
			};
			await options.onSnapshot?.();
			async function* lines(): AsyncGenerator<string> {
				yield JSON.stringify(manifest) + '\n';
				for (const table of tables) {
					yield JSON.stringify({ '#table': table.name }) + '\n';
					const columns = table.columns.map(ident).join(', ');
					await tx.execute(
						sql.raw(
							`declare backup_rows no scroll cursor for select to_json(r)::text as j from (select ${columns} from ${ident(table.name)}) r`
						)
					);
					for (;;) {
						const rows = rowsOf<{ j: string }>(
							await tx.execute(sql.raw(`fetch ${ROWS_PER_FETCH} from backup_rows`))
						);
						if (rows.length > 0) yield rows.map((r) => r.j).join('\n') + '\n';
						if (rows.length < ROWS_PER_FETCH) break;
					}
					await tx.execute(sql.raw('close backup_rows'));
				}
				yield JSON.stringify({ '#end': true }) + '\n';
			}
			await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial));
			return manifest;
		});
		await rename(partial, file);
		const { size } = await stat(file);
		return { file, bytes: size, ms: Math.round(performance.now() - started), manifest };
	} catch (error) {
		await rm(partial, { force: true });
		throw error;
	}
}

/** Reads a backup file's lines; `what` names the file in messages. */
async function* readLines(file: string): AsyncGenerator<string> {
	const input = createReadStream(file).pipe(createGunzip());
	const lines = createInterface({ input, crlfDelay: Infinity });
	try {
		for await (const line of lines) yield line;
	} catch (error) {
		throw new BackupError(
			`${file} is not a readable backup: ${(error as Error).message} (is it cut off or not gzip?)`
		);
	}
}

/** Reads and checks the manifest (the first line). */
export async function readManifest(file: string): Promise<BackupManifest> {
	for await (const line of readLines(file)) return parseManifest(file, line);
	throw new BackupError(`${file} is empty.`);
}

function parseManifest(file: string, line: string): BackupManifest {
	let json: unknown;
	try {
		json = JSON.parse(line);
	} catch {
		throw new BackupError(`${file} does not start with a backup manifest (line 1 is not JSON).`);
	}
	const parsed = manifestSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new BackupError(
			`${file} is not an Uddannelsesby backup of a format this version reads: manifest field ${issue?.path.join('.') || '(root)'}: ${issue?.message}.`
		);
	}
	return parsed.data;
}

/**
 * Walks the whole file once and checks its shape: every table of the manifest, in order, with
 * exactly its number of rows, each a JSON object, and the end marker. Runs before the target is
 * touched, so a damaged file changes nothing.
 */
export async function verifyBackupFile(file: string): Promise<BackupManifest> {
	let manifest: BackupManifest | undefined;
	let lineNo = 0;
	let tableIndex = -1;
	let rowsSeen = 0;
	let ended = false;
	const closeTable = () => {
		const table = manifest?.tables[tableIndex];
		if (table && rowsSeen !== table.rows)
			throw new BackupError(
				`${file}: table ${table.name} has ${rowsSeen} rows, the manifest says ${table.rows}.`
			);
	};
	for await (const line of readLines(file)) {
		lineNo++;
		if (!manifest) {
			manifest = parseManifest(file, line);
			continue;
		}
		if (ended) throw new BackupError(`${file}, line ${lineNo}: text after the end marker.`);
		let json: unknown;
		try {
			json = JSON.parse(line);
		} catch {
			throw new BackupError(`${file}, line ${lineNo}: not JSON.`);
		}
		if (!json || typeof json !== 'object' || Array.isArray(json))
			throw new BackupError(`${file}, line ${lineNo}: not a JSON object.`);
		const marker = json as { '#table'?: unknown; '#end'?: unknown };
		if (Object.keys(marker).length === 1 && typeof marker['#table'] === 'string') {
			closeTable();
			tableIndex++;
			rowsSeen = 0;
			const expected = manifest.tables[tableIndex];
			if (expected?.name !== marker['#table'])
				throw new BackupError(
					`${file}, line ${lineNo}: table ${String(marker['#table'])} where the manifest has ${expected?.name ?? 'no more tables'}.`
				);
			continue;
		}
		if (Object.keys(marker).length === 1 && marker['#end'] === true) {
			closeTable();
			if (tableIndex !== manifest.tables.length - 1)
				throw new BackupError(
					`${file}: ends after ${tableIndex + 1} of the manifest's ${manifest.tables.length} tables.`
				);
			ended = true;
			continue;
		}
		if (tableIndex < 0)
			throw new BackupError(`${file}, line ${lineNo}: a row before the first table.`);
		rowsSeen++;
	}
	if (!manifest) throw new BackupError(`${file} is empty.`);
	if (!ended) throw new BackupError(`${file} is cut off: it has no end marker.`);
	return manifest;
}

/** The rows of a checked file, in batches that each belong to one table. */
async function* batches(file: string): AsyncGenerator<{ table: string; rows: string[] }> {
	let table: string | undefined;
	let rows: string[] = [];
	let first = true;
	for await (const line of readLines(file)) {
		if (first) {
			first = false; // the manifest
			continue;
		}
		if (line.startsWith('{"#table":') || line.startsWith('{"#end":')) {
			if (table && rows.length > 0) yield { table, rows };
			rows = [];
			table = (JSON.parse(line) as { '#table'?: string })['#table'];
			continue;
		}
		rows.push(line);
		if (rows.length >= ROWS_PER_INSERT && table) {
			yield { table, rows };
			rows = [];
		}
	}
}

async function publicTableCount(database: Database): Promise<number> {
	const rows = rowsOf<{ n: number }>(
		await database.db.execute(sql`
			select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p')`)
	);
	return rows[0]?.n ?? 0;
}

/** How many of this version's migrations build the schema a backup at `level` was made at. */
async function migrationsUpTo(level: string): Promise<number> {
	const journal = JSON.parse(
		await readFile(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')
	) as { entries: { tag: string }[] };
	const index = journal.entries.findIndex((e) => e.tag === level);
	if (index < 0)
		throw new BackupError(
			`The backup was made at migration ${level}, which this version of Uddannelsesby does not have: restore it with the version that made it (or a newer one).`
		);
	return index + 1;
}

export interface RestoreOptions {
	/** Replace whatever the target holds. Without it, a target with tables is refused. */
	force?: boolean;
}

export interface RestoreResult {
	manifest: BackupManifest;
	rows: number;
	ms: number;
	/** Migrations applied after the restore, when the backup is older than this version. */
	upgraded: string[];
}

/**
 * Restores a backup into an empty database (or, with `force`, one whose tables are dropped
 * first): checks the whole file, then in one transaction drops the old tables (with `force`),
 * builds the schema at the backup's migration level, loads every table and checks each table's
 * row count and checksum against the manifest before committing. Then applies any newer
 * migrations. A restore that fails leaves the database as it was.
 */
export async function restoreBackup(
	database: Database,
	file: string,
	options: RestoreOptions = {}
): Promise<RestoreResult> {
	const started = performance.now();
	const manifest = await verifyBackupFile(file);
	const tables = await publicTableCount(database);
	if (tables > 0 && !options.force)
		throw new BackupError(
			`${database.description} is not empty (${tables} tables). Restore into an empty data directory or database, or pass --force to replace everything in it.`
		);
	const migrationCount = await migrationsUpTo(manifest.migration);
	let restored = 0;
	// One transaction from the old tables' removal (with --force) to the last check: a restore
	// that fails leaves the database as it was found, its old tables included.
	await database.db.transaction(async (tx) => {
		if (tables > 0) {
			await tx.execute(sql`drop schema public cascade`);
			await tx.execute(sql`create schema public`);
		}
		await migrateWithin(tx, migrationCount);
		await settleTextForms(tx);
		const present = new Map((await tablesInOrder(tx)).map((t) => [t.name, t]));
		for (const table of manifest.tables) {
			const here = present.get(table.name);
			if (!here || here.columns.join(',') !== table.columns.join(','))
				throw new BackupError(
					`Table ${table.name} in the backup does not match the schema at migration ${manifest.migration}: columns ${table.columns.join(', ')} in the backup, ${here?.columns.join(', ') ?? 'no such table'} here.`
				);
		}
		// Migrations may have inserted rows of their own (search words); the backup's replace
		// them. Every table, those left out of backups included, starts empty.
		if (present.size > 0)
			await tx.execute(sql.raw(`truncate ${[...present.keys()].map(ident).join(', ')}`));
		const byName = new Map(manifest.tables.map((t) => [t.name, t]));
		const done = new Map<string, number>();
		for await (const batch of batches(file)) {
			const table = byName.get(batch.table) as TableSummary;
			const columns = table.columns.map(ident).join(', ');
			const before = done.get(table.name) ?? 0;
			try {
				await tx.execute(
					sql`${sql.raw(`insert into ${ident(table.name)} (${columns}) overriding system value select ${columns} from json_populate_recordset(null::${ident(table.name)}, `)}${'[' + batch.rows.join(',') + ']'}::json)`
				);
			} catch (error) {
				throw new BackupError(
					`Table ${table.name}, rows ${before + 1} to ${before + batch.rows.length}: ${databaseMessage(error)}`
				);
			}
			done.set(table.name, before + batch.rows.length);
			restored += batch.rows.length;
		}
		for (const sequence of manifest.sequences)
			await tx.execute(
				sequence.value === null
					? sql`select setval(${sequence.name}::regclass, 1, false)`
					: sql`select setval(${sequence.name}::regclass, ${sequence.value}::bigint, true)`
			);
		for (const table of manifest.tables) {
			const here = await summarise(tx, table);
			if (here.rows !== table.rows || here.checksum !== table.checksum)
				throw new BackupError(
					`Table ${table.name} does not match the backup after loading: ${here.rows} rows (checksum ${here.checksum}), the manifest says ${table.rows} (checksum ${table.checksum}). Nothing was restored.`
				);
		}
	});
	const before = await migrationStatus(database);
	if (before.pending.length > 0) await runMigrations(database);
	return {
		manifest,
		rows: restored,
		ms: Math.round(performance.now() - started),
		upgraded: before.pending
	};
}

/** Compares a database with a backup's manifest: the tables whose count or checksum differ. */
export async function compareWithManifest(
	database: Database,
	manifest: BackupManifest
): Promise<string[]> {
	return database.db.transaction(async (tx) => {
		await settleTextForms(tx);
		const differences: string[] = [];
		for (const table of manifest.tables) {
			const here = await summarise(tx, table);
			if (here.rows !== table.rows || here.checksum !== table.checksum)
				differences.push(`${table.name}: ${here.rows} rows here, ${table.rows} in the backup`);
		}
		return differences;
	});
}
