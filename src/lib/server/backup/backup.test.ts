import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOnFirstStart } from '../bootstrap.ts';
import { openDatabase, rowsOf, type Database } from '../db/index.ts';
import { createScratchDatabase, openEmptyMemory, testEngines } from '../db/testing.ts';
import { media } from '../media/schema.ts';
import { getActiveStrategy } from '../strategy/index.ts';
import { indicatorOverview } from '../indicators/index.ts';
import { listOrganizations } from '../directory/organizations.ts';
import {
	BackupError,
	compareWithManifest,
	createBackup,
	readManifest,
	restoreBackup,
	verifyBackupFile
} from './index.ts';

const engines = testEngines();
const dir = mkdtempSync(join(tmpdir(), 'backup-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An empty database (no migrations) on the engine: what `backup restore` expects. */
async function openEmpty(name: 'pglite' | 'postgres'): Promise<Database> {
	if (name === 'pglite') return openEmptyMemory();
	const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
	const database = await openDatabase({ kind: 'postgres', url: scratch.url });
	return {
		...database,
		async close() {
			await database.close();
			await scratch.drop();
		}
	};
}

async function tableCount(database: Database): Promise<number | undefined> {
	return rowsOf<{ n: number }>(
		await database.db.execute(
			sql`select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')`
		)
	)[0]?.n;
}

/** What pages are built from: the strategy, the indicator cards and the organisations. */
async function pagesData(database: Database) {
	const strategy = await getActiveStrategy(database.db, 'da');
	if (!strategy) throw new Error('no active strategy');
	return {
		strategy: strategy.title,
		guideposts: strategy.guideposts.length,
		cards: (await indicatorOverview(database.db, strategy)).map((c) => [
			c.indicator.code,
			c.series,
			c.change
		]),
		organizations: (await listOrganizations(database.db)).map((o) => o.slug)
	};
}

describe.each(engines)('backup on $name', ({ name, open }) => {
	let source: Database;
	let file: string;
	beforeAll(async () => {
		source = await open();
		await seedOnFirstStart(source);
		// Bytes and a NUL-free but awkward text go through the file unchanged.
		await source.db.insert(media).values({
			sha256: 'a'.repeat(64),
			contentType: 'image/webp',
			bytes: Buffer.from([0, 1, 2, 255, 92, 10]),
			width: 1,
			height: 1,
			createdBy: 'test "quoted"\\ back\nslash'
		});
		file = join(dir, `${name}.backup.gz`);
	}, 120_000);
	afterAll(() => source?.close());

	it('writes one file with a manifest: version, migration level, counts and checksums', async () => {
		const result = await createBackup(source, file, { appVersion: '9.9.9' });
		const manifest = await readManifest(file);
		expect(manifest).toEqual(result.manifest);
		expect(manifest.appVersion).toBe('9.9.9');
		expect(manifest.migration).toMatch(/^\d{4}_/);
		const observations = manifest.tables.find((t) => t.name === 'indicator_observations');
		const n = rowsOf<{ n: number }>(
			await source.db.execute(sql`select count(*)::int as n from indicator_observations`)
		)[0]?.n;
		expect(observations?.rows).toBe(n);
		expect(n).toBeGreaterThan(100);
		expect(await compareWithManifest(source, manifest)).toEqual([]);
		const order = manifest.tables.map((t) => t.name);
		// No live sessions or one-time tokens in a file that may be copied around.
		expect(order).not.toContain('sessions');
		expect(order).not.toContain('verifications');
		// Parents come before the rows that refer to them.
		expect(order.indexOf('organizations')).toBeLessThan(order.indexOf('offers'));
		expect(order.indexOf('strategies')).toBeLessThan(order.indexOf('strategy_indicators'));
	}, 120_000);

	it.each(engines.map((e) => e.name))(
		'restores into an empty %s database: the same counts, checksums and page data',
		async (target) => {
			const restored = await openEmpty(target);
			try {
				const result = await restoreBackup(restored, file);
				expect(result.upgraded).toEqual([]);
				const manifest = await readManifest(file);
				expect(await compareWithManifest(restored, manifest)).toEqual([]);
				expect(await pagesData(restored)).toEqual(await pagesData(source));
				const [image] = await restored.db.select().from(media);
				expect([...(image?.bytes ?? [])]).toEqual([0, 1, 2, 255, 92, 10]);
				expect(image?.createdBy).toBe('test "quoted"\\ back\nslash');
				// Sequences carry on after the restored rows rather than colliding with them.
				const ids = rowsOf<{ max: number; next: number }>(
					await restored.db.execute(
						sql`select (select coalesce(max(id), 0) from audit_log)::int as max, nextval('audit_log_id_seq')::int as next`
					)
				)[0];
				expect(ids?.max).toBeGreaterThan(0);
				expect(ids?.next).toBeGreaterThan(ids?.max ?? Infinity);
				// The search vectors, left out of the file, are rebuilt.
				const vectors = rowsOf<{ n: number }>(
					await restored.db.execute(
						sql`select count(*)::int as n from offers where search_text is not null`
					)
				)[0]?.n;
				expect(vectors).toBeGreaterThan(0);
			} finally {
				await restored.close();
			}
		},
		180_000
	);

	it('refuses a target that holds tables, and with --force replaces it', async () => {
		const target = await openEmpty(name);
		try {
			await target.db.execute(sql`create table leftover (x int)`);
			await expect(restoreBackup(target, file)).rejects.toThrow(
				/is not empty \(1 tables\).*--force/
			);
			const present = rowsOf<{ present: boolean }>(
				await target.db.execute(sql`select to_regclass('leftover') is not null as present`)
			)[0]?.present;
			expect(present).toBe(true);
			await restoreBackup(target, file, { force: true });
			expect(await compareWithManifest(target, await readManifest(file))).toEqual([]);
		} finally {
			await target.close();
		}
	}, 180_000);

	it('a backup taken during writes holds the snapshot, not the writes', async () => {
		const during = join(dir, `${name}-during.backup.gz`);
		const before = rowsOf<{ n: number }>(
			await source.db.execute(sql`select count(*)::int as n from app_state`)
		)[0]?.n;
		// On the embedded engine the snapshot holds the only connection, so the write waits for
		// the backup to end; on PostgreSQL it commits while the backup is being written.
		let write: Promise<unknown> | undefined;
		const result = await createBackup(source, during, {
			appVersion: 'test',
			onSnapshot: async () => {
				// Drizzle's query runs each time it is awaited; a plain promise runs it once.
				write = Promise.resolve(
					source.db.execute(
						sql`insert into app_state (key, value) values ('written-during-backup', '{}'::jsonb)`
					)
				);
				if (!source.embedded) await write;
			}
		});
		await write;
		expect(result.manifest.tables.find((t) => t.name === 'app_state')?.rows).toBe(before);
		await verifyBackupFile(during);
		const target = await openEmpty(name);
		try {
			await restoreBackup(target, during);
			const keys = rowsOf<{ key: string }>(await target.db.execute(sql`select key from app_state`));
			expect(keys.map((k) => k.key)).not.toContain('written-during-backup');
			expect(keys).toHaveLength(before as number);
		} finally {
			await target.close();
		}
	}, 180_000);
});

describe('a damaged backup is refused before anything changes', () => {
	let good: Buffer;
	let source: Database;
	beforeAll(async () => {
		source = await engines[0]!.open();
		await seedOnFirstStart(source);
		const file = join(dir, 'good.backup.gz');
		await createBackup(source, file, { appVersion: 'test' });
		good = gunzipSync(await readFile(file));
	}, 120_000);
	afterAll(() => source?.close());

	function variant(name: string, edit: (lines: string[]) => string[]): string {
		const lines = good.toString('utf8').trimEnd().split('\n');
		const file = join(dir, name);
		writeFileSync(file, gzipSync(edit(lines).join('\n') + '\n'));
		return file;
	}

	it.each([
		[
			'a cut-off file',
			(l: string[]) => l.slice(0, -5),
			/has no end marker|rows, the manifest says/
		],
		[
			'a row too many',
			(l: string[]) => {
				const i = l.findIndex((x) => x === '{"#table":"offers"}');
				return [...l.slice(0, i + 2), l[i + 1]!, ...l.slice(i + 2)];
			},
			/table offers has \d+ rows, the manifest says/
		],
		[
			'a line that is not JSON',
			(l: string[]) => [l[0]!, '{"#table":', ...l.slice(1)],
			/line 2: not JSON/
		],
		[
			'a manifest from another program',
			(l: string[]) => [l[0]!.replace('uddannelsesby-backup', 'other'), ...l.slice(1)],
			/manifest field format/
		]
	])(
		'%s',
		async (_name, edit, message) => {
			const file = variant(`${_name.replace(/\W+/g, '-')}.gz`, edit);
			await expect(verifyBackupFile(file)).rejects.toThrow(message);
			const target = await openEmpty('pglite');
			try {
				await expect(restoreBackup(target, file)).rejects.toBeInstanceOf(BackupError);
				expect(await tableCount(target)).toBe(0);
			} finally {
				await target.close();
			}
		},
		120_000
	);

	/** A backup whose first organisation has a creation time that is not a time. */
	const badValue = () =>
		variant('bad-value.gz', (l) => {
			const i = l.findIndex((x) => x === '{"#table":"organizations"}');
			const row = JSON.parse(l[i + 1]!) as Record<string, unknown>;
			row.created_at = 'not a time';
			return [...l.slice(0, i + 1), JSON.stringify(row), ...l.slice(i + 2)];
		});

	it('a row whose value does not fit its column names the table and rows, and restores nothing', async () => {
		const file = badValue();
		const target = await openEmpty('pglite');
		try {
			await expect(restoreBackup(target, file)).rejects.toThrow(
				/Table organizations, rows 1 to \d+: .*not a time/
			);
			expect(await tableCount(target)).toBe(0);
		} finally {
			await target.close();
		}
	}, 120_000);

	it('a forced restore that fails leaves the target as it was, its old tables and rows', async () => {
		const file = badValue();
		const target = await openEmpty('pglite');
		try {
			await target.db.execute(sql`create table leftover (x int)`);
			await target.db.execute(sql`insert into leftover values (1), (2)`);
			await expect(restoreBackup(target, file, { force: true })).rejects.toThrow(
				/Table organizations, rows 1 to \d+: .*not a time/
			);
			expect(await tableCount(target)).toBe(1);
			const rows = rowsOf<{ n: number }>(
				await target.db.execute(sql`select count(*)::int as n from leftover`)
			);
			expect(rows).toEqual([{ n: 2 }]);
			// Nor is a migration recorded: the next start sees a database with none applied.
			const recorded = rowsOf<{ present: boolean }>(
				await target.db.execute(
					sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`
				)
			);
			expect(recorded).toEqual([{ present: false }]);
		} finally {
			await target.close();
		}
	}, 120_000);

	it('a backup from an earlier version is restored at its level, then upgraded', async () => {
		// The backup as the version before migration 0023 would have written it: without the
		// tables the later migrations made.
		const later = [
			'indicator_statbank_syncs',
			'event_feeds',
			'events',
			'programmes',
			'programme_figures'
		];
		const file = variant('older.gz', (l) => {
			const manifest = JSON.parse(l[0]!) as {
				migration: string;
				tables: { name: string }[];
			};
			manifest.migration = '0022_council_reports';
			manifest.tables = manifest.tables.filter((t) => !later.includes(t.name));
			const kept: string[] = [];
			let skipping = false;
			for (const line of l.slice(1)) {
				const marker = /^\{"#table":"([^"]+)"\}$/.exec(line);
				if (marker) skipping = later.includes(marker[1]!);
				else if (line.startsWith('{"#')) skipping = false;
				if (!skipping) kept.push(line);
			}
			return [JSON.stringify(manifest), ...kept];
		});
		const target = await openEmpty('pglite');
		try {
			const result = await restoreBackup(target, file);
			expect(result.upgraded).toEqual([
				'0023_statbank_sync',
				'0024_events',
				'0025_programmes',
				'0026_text_match_cost',
				'0027_events_under_way',
				'0028_event_programmes',
				'0029_offer_alphabetical'
			]);
			const present = rowsOf<{ present: boolean }>(
				await target.db.execute(
					sql`select to_regclass('indicator_statbank_syncs') is not null as present`
				)
			)[0]?.present;
			expect(present).toBe(true);
		} finally {
			await target.close();
		}
	}, 120_000);

	it('a backup from a newer version is refused, naming its migration', async () => {
		const file = variant('newer.gz', (l) => [
			l[0]!.replace(/"migration":"[^"]+"/, '"migration":"9999_from_the_future"'),
			...l.slice(1)
		]);
		const target = await openEmpty('pglite');
		try {
			await expect(restoreBackup(target, file)).rejects.toThrow(
				/made at migration 9999_from_the_future, which this version of Uddannelsesby does not have/
			);
		} finally {
			await target.close();
		}
	}, 120_000);

	it('a file that is not gzip', async () => {
		const file = join(dir, 'plain.txt');
		writeFileSync(file, 'hello');
		await expect(verifyBackupFile(file)).rejects.toThrow(/not a readable backup/);
	});
});
