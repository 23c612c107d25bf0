// Backup and restore speed: a database holding 1,000,000 indicator observations (written with
// SQL, one synthetic batch) and 10,000 synthetic offers (bench/synthetic-offers.ts), on PGlite
// on disk (as `npm start` runs it) and on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL).
// Backs each up, restores it into an empty database of the same engine, and prints the times,
// the file size and the restore's check. BENCH_OBSERVATIONS and BENCH_OFFERS set the sizes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { seedOnFirstStart } from '../src/lib/server/bootstrap.ts';
import { createBackup, restoreBackup } from '../src/lib/server/backup/index.ts';
import { openDatabase, runMigrations, type Database } from '../src/lib/server/db/index.ts';
import { createScratchDatabase } from '../src/lib/server/db/testing.ts';
import { loadSyntheticOffers } from './synthetic-offers.ts';

const OBSERVATIONS = Number(process.env.BENCH_OBSERVATIONS ?? 1_000_000);
const OFFERS = Number(process.env.BENCH_OFFERS ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'udb-bench-backup-'));

async function open(engine: 'pglite' | 'postgres', name: string): Promise<Database> {
	if (engine === 'pglite') return openDatabase({ kind: 'pglite', dataDir: join(dir, name) });
	const scratch = await createScratchDatabase(
		process.env.BENCH_DATABASE_URL ?? (process.env.TEST_DATABASE_URL as string)
	);
	const opened = await openDatabase({ kind: 'postgres', url: scratch.url });
	return { ...opened, close: async () => (await opened.close(), await scratch.drop()) };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const engines: ('pglite' | 'postgres')[] = ['pglite'];
if (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL) engines.push('postgres');

console.log(
	`Backup and restore of ${OBSERVATIONS.toLocaleString('en')} observations and ${OFFERS.toLocaleString('en')} offers`
);
for (const engine of engines) {
	const source = await open(engine, 'source');
	await runMigrations(source);
	await seedOnFirstStart(source);
	await loadSyntheticOffers(source.db, { offers: OFFERS });
	await source.db.execute(sql`
		insert into indicator_import_batches (id, indicator_code, actor, file_name, sha256, format, added, changed, removed)
		values ('00000000-0000-4000-8000-00000000b0b0', 'bench', 'bench', 'bench.csv', '', 'csv', ${OBSERVATIONS}, 0, 0)`);
	await source.db.execute(sql`
		insert into indicator_observations (indicator_code, period, period_sort, geo, breakdown_key, breakdowns, value, batch_id)
		select 'bench', (2000 + i % 20)::text, 2000 + i % 20, lpad((i / 20 % 100)::text, 3, '0'),
			'uddannelse=' || (i / 2000) || '|alder=' || (i / 2000 % 10),
			jsonb_build_object('uddannelse', (i / 2000)::text, 'alder', (i / 2000 % 10)::text),
			round((random() * 100)::numeric, 1)::float8, '00000000-0000-4000-8000-00000000b0b0'
		from generate_series(0, ${OBSERVATIONS - 1}) as i`);
	const file = join(dir, `${engine}.backup.gz`);
	const made = await createBackup(source, file, { appVersion: 'bench' });
	await source.close();
	const target = await open(engine, 'target');
	const restored = await restoreBackup(target, file);
	await target.close();
	const rows = made.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
	console.log(
		`  ${engine.padEnd(8)} backup ${seconds(made.ms)} (${(made.bytes / 1024 / 1024).toFixed(1)} MB, ${rows.toLocaleString('en')} rows)  restore and check ${seconds(restored.ms)}`
	);
}
rmSync(dir, { recursive: true, force: true });
