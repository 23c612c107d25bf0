import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { openDatabase, wrapPglite, type Database } from './connect.ts';
import { LOCK_FILE } from './lock.ts';
import { migrationsFolder, runMigrations } from './migrate.ts';

/**
 * The engines integration tests run on: in-memory PGlite always, and PostgreSQL when
 * TEST_DATABASE_URL is set. In CI a missing PostgreSQL is an error, never a silent skip.
 */
export interface TestEngine {
	name: 'pglite' | 'postgres';
	/**
	 * A migrated database holding only what the migrations put in; close() throws it away (on
	 * PGlite: puts it back as the migrations left it, for the next test in the process).
	 */
	open(): Promise<Database>;
}

export function testEngines(): TestEngine[] {
	const engines: TestEngine[] = [{ name: 'pglite', open: openMemory }];
	const url = process.env.TEST_DATABASE_URL;
	if (url) engines.push({ name: 'postgres', open: () => openScratchPostgres(url) });
	else if (process.env.CI === 'true') {
		throw new Error(
			'CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suites must run in CI.'
		);
	}
	return engines;
}

// Creating a PGlite database takes seconds (initdb, then every migration); starting one from a
// data directory made once per test process and dumped, under half a second.
let template: Promise<Blob> | undefined;
let emptyTemplate: Promise<Blob> | undefined;

async function dumped(migrated: boolean): Promise<Blob> {
	const database = await openDatabase({ kind: 'memory' });
	try {
		if (migrated) await runMigrations(database);
		if (database.engine.kind !== 'pglite') throw new Error('template must be PGlite');
		return await database.engine.client.dumpDataDir('none');
	} finally {
		await database.close();
	}
}

/** A new in-memory PGlite database started from a dumped data directory. */
async function clientFrom(dump: Promise<Blob>): Promise<PGlite> {
	return PGlite.create({ loadDataDir: await dump, extensions: { pg_trgm } });
}

async function fromDump(dump: Promise<Blob>): Promise<Database> {
	return wrapPglite(await clientFrom(dump), 'in-memory PGlite (test clone)');
}

// Opening an in-memory PGlite database costs about 0.6 s of CPU (PostgreSQL starting in
// WebAssembly, the 43 MB data directory written into its file system), a third of the unit
// tests' CPU when every test opened one. A database a test has closed is instead put back as
// the migrations left it (its tables emptied and refilled with what the migrations put in, its
// sequences set back, its session reset) and handed to the next test in the same process: tens
// of milliseconds. What cannot be put back (a reset that fails, a schema a test changed, or more
// idle than are kept) is closed.
const idle: PGlite[] = [];
const MAX_IDLE = 2;
let baseline: Promise<{ reset: string; schema: string }> | undefined;

/**
 * The schema in one value: every table, index, view and sequence with its columns' types, every
 * function and trigger. A test that creates, alters or drops any of them changes it.
 */
const SCHEMA_FINGERPRINT = `
	select md5(coalesce(string_agg(part, ',' order by part), '')) as schema from (
		select format('%s %s %s %s', c.oid, c.relkind, a.attnum, a.atttypid) as part
		from pg_class c
		join pg_namespace n on n.oid = c.relnamespace
		left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
		where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
		union all
		select format('function %s', p.oid) from pg_proc p
		join pg_namespace n on n.oid = p.pronamespace
		where n.nspname not in ('pg_catalog', 'information_schema')
		union all
		select format('trigger %s', t.oid) from pg_trigger t
	) parts`;

async function schemaOf(client: PGlite): Promise<string | undefined> {
	return (await client.query<{ schema: string }>(SCHEMA_FINGERPRINT)).rows[0]?.schema;
}

async function openMemory(): Promise<Database> {
	const client = idle.pop() ?? (await clientFrom((template ??= dumped(true))));
	const found = await (baseline ??= (async () => ({
		reset: await resetScript(client),
		schema: (await schemaOf(client)) ?? ''
	}))());
	let closed: Promise<void> | undefined;
	// This test's handle on the database: once closed it refuses every query, as a closed
	// database does, so nothing a test leaves running reaches the next test's data.
	const handle = new Proxy(client, {
		get(target, property) {
			const value: unknown = Reflect.get(target, property, target);
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				if (closed) throw new Error('This test database is closed.');
				return (value as (...a: unknown[]) => unknown).apply(target, args);
			};
		}
	});
	const database = await wrapPglite(handle, 'in-memory PGlite (test clone)');
	return {
		...database,
		close: () => (closed ??= putBack(client, found))
	};
}

async function putBack(client: PGlite, migrated: { reset: string; schema: string }): Promise<void> {
	try {
		if (idle.length >= MAX_IDLE) throw new Error('enough idle databases');
		await client.exec(migrated.reset);
		await client.exec('discard all');
		if ((await schemaOf(client)) !== migrated.schema) throw new Error('the schema changed');
		idle.push(client);
	} catch {
		await client.close();
	}
}

/**
 * The SQL that puts a database back as the migrations left it, read from one that is: every
 * table emptied, then refilled with the rows it holds now (triggers and foreign keys do not
 * run: the rows are as they were), and every sequence set back to where it stands now.
 */
async function resetScript(client: PGlite): Promise<string> {
	const { rows: tables } = await client.query<{ name: string; columns: string[] | null }>(`
		select c.oid::regclass::text as name,
			array_agg(quote_ident(a.attname) order by a.attnum)
				filter (where a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns
		from pg_class c
		join pg_namespace n on n.oid = c.relnamespace
		left join pg_attribute a on a.attrelid = c.oid
		where c.relkind in ('r', 'p') and not c.relispartition
			and n.nspname not in ('pg_catalog', 'information_schema')
			and n.nspname not like 'pg\\_%'
		group by c.oid`);
	const { rows: sequences } = await client.query<{ name: string; setval: string }>(`
		select format('%I.%I', schemaname, sequencename) as name,
			coalesce(last_value, start_value)::text || ', ' || (last_value is not null)::text as setval
		from pg_sequences
		where schemaname not in ('pg_catalog', 'information_schema')`);
	const statements = [
		'begin',
		`truncate ${tables.map((t) => t.name).join(', ')}`,
		'set local session_replication_role = replica'
	];
	for (const { name, columns } of tables) {
		const { rows } = await client.query<{ json: string | null }>(
			`select json_agg(t)::text as json from ${name} t`
		);
		const json = rows[0]?.json;
		if (!json || !columns) continue;
		if (json.includes('$udb_rows$')) throw new Error(`${name} holds the quote used here`);
		const list = columns.join(', ');
		statements.push(
			`insert into ${name} (${list}) overriding system value ` +
				`select ${list} from json_populate_recordset(null::${name}, $udb_rows$${json}$udb_rows$)`
		);
	}
	for (const { name, setval } of sequences)
		statements.push(`select setval('${name.replaceAll("'", "''")}', ${setval})`);
	statements.push('commit');
	return statements.join(';\n');
}

/** A new in-memory PGlite database without migrations (what `backup restore` expects). */
export function openEmptyMemory(): Promise<Database> {
	return fromDump((emptyTemplate ??= dumped(false)));
}

// An embedded data directory costs seconds to create (PGlite's initdb, then every migration);
// a copy of one made once per test process costs a tenth of a second.
let dataDirTemplate: Promise<string> | undefined;

/**
 * A new data directory (as DATA_DIR names it) holding an embedded database with every migration
 * applied and no data: a copy of one made once per test process. Its lock file is not copied.
 * The caller removes the directory. For a test of what happens to an empty directory (first
 * start, migrations), make one with mkdtemp instead.
 */
export async function migratedDataDir(prefix = 'udb-test-'): Promise<string> {
	dataDirTemplate ??= (async () => {
		// Under Vitest in the run's scratch folder, which its global set-up removes at the end.
		const shared = process.env.UDB_TEST_SCRATCH;
		const template = mkdtempSync(join(shared ?? tmpdir(), 'udb-template-'));
		if (!shared) process.once('exit', () => rmSync(template, { recursive: true, force: true }));
		const database = await openDatabase({ kind: 'pglite', dataDir: template }, 'the tests');
		try {
			await runMigrations(database);
		} finally {
			await database.close();
		}
		return template;
	})();
	const template = await dataDirTemplate;
	const dataDir = mkdtempSync(join(tmpdir(), prefix));
	copyDataDir(template, dataDir);
	return dataDir;
}

/** Copies a closed embedded data directory, all but its lock file, to start another from. */
export function copyDataDir(source: string, target: string): void {
	cpSync(source, target, { recursive: true, filter: (path) => basename(path) !== LOCK_FILE });
}

/**
 * Creates a throw-away database on the server so test files can run in parallel: empty, or a
 * copy of `template`.
 */
export async function createScratchDatabase(
	adminUrl: string,
	template?: string
): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `udb_test_${randomBytes(6).toString('hex')}`;
	await withAdmin(adminUrl, (admin) =>
		admin.query(`create database ${name}${template ? ` template ${template}` : ''}`)
	);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			await withAdmin(adminUrl, (admin) =>
				admin.query(`drop database if exists ${name} with (force)`)
			);
		}
	};
}

async function withAdmin<T>(adminUrl: string, use: (admin: pg.Client) => Promise<T>): Promise<T> {
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		return await use(admin);
	} finally {
		await admin.end();
	}
}

// Migrating a new database on the server takes most of a second; copying a migrated one (the
// server's CREATE DATABASE … TEMPLATE) a tenth. The template is named for the migrations'
// contents, so it is made once per set of migrations and shared by every test process.
const TEMPLATE_PREFIX = 'udb_template_';
const TEMPLATE_LOCK_KEY = 851_2023_2027;
const pgTemplates = new Map<string, Promise<string>>();

function migrationsHash(folder: string): string {
	const hash = createHash('sha256');
	for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
		if (!/\.(sql|json)$/.test(file)) continue;
		hash
			.update(file)
			.update('\0')
			.update(readFileSync(join(folder, file)))
			.update('\0');
	}
	return hash.digest('hex').slice(0, 16);
}

/** The migrated template on the server at `adminUrl`, made under a lock by the first caller. */
function migratedTemplate(adminUrl: string): Promise<string> {
	const folder = migrationsFolder();
	const key = `${adminUrl} ${folder}`;
	let made = pgTemplates.get(key);
	if (!made) {
		made = withAdmin(adminUrl, async (admin) => {
			const name = TEMPLATE_PREFIX + migrationsHash(folder);
			await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
			try {
				const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
				if (found.rowCount) return name;
				// Built under another name and renamed when whole: a run stopped half-way leaves
				// no template that looks ready.
				const building = `${name}_building`;
				await admin.query(`drop database if exists ${building} with (force)`);
				await admin.query(`create database ${building}`);
				const url = new URL(adminUrl);
				url.pathname = `/${building}`;
				const database = await openDatabase({ kind: 'postgres', url: url.toString() });
				try {
					await runMigrations(database, folder);
				} finally {
					await database.close();
				}
				await admin.query(`alter database ${building} rename to ${name}`);
				// Templates of earlier migrations are not needed again; one in use stays.
				const old = await admin.query<{ datname: string }>(
					`select datname from pg_database where starts_with(datname, $1) and datname <> $2`,
					[TEMPLATE_PREFIX, name]
				);
				for (const { datname } of old.rows)
					await admin.query(`drop database if exists ${datname}`).catch(() => undefined);
				return name;
			} finally {
				await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
			}
		});
		// A failure is not remembered: the next test tries again and reports its own error.
		made.catch(() => pgTemplates.delete(key));
		pgTemplates.set(key, made);
	}
	return made;
}

async function openScratchPostgres(adminUrl: string): Promise<Database> {
	const scratch = await createScratchDatabase(adminUrl, await migratedTemplate(adminUrl));
	const database = await openDatabase({ kind: 'postgres', url: scratch.url });
	return {
		...database,
		description: database.description,
		async close() {
			await database.close();
			await scratch.drop();
		}
	};
}
