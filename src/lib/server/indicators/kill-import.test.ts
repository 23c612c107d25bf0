import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openAndMigrate } from '../bootstrap.ts';
import { openDatabase, rowsOf } from '../db/index.ts';
import { migratedDataDir } from '../db/testing.ts';
import { checkReadiness } from '../health.ts';

/**
 * `kill -9` of an import at random moments: each time the indicator holds exactly the data
 * before or exactly the data after, and the database opens and migrates as the server's start
 * does. Two data directories run side by side, six kills each (12 in all), each at a random
 * moment between the command opening the database and just past the end of a whole import: a
 * kill while Node is still loading the program tests nothing.
 */
const KILLS_PER_DIRECTORY = 6;
const DIRECTORIES = 2;
const ROWS = 20_000;

const AREAS = ['000', '081', '082', '083', '084', '085', '101', '147', '151', '851'];

/** 20 years × 10 areas × 2 sexes × 50 ages; `offset` moves every value. */
function csv(offset: number): string {
	const lines = ['periode;område;køn;alder;værdi;flag'];
	for (let i = 0; i < ROWS; i++) {
		const value = ((i % 97) + offset).toFixed(1).replace('.', ',');
		const area = AREAS[Math.floor(i / 20) % 10];
		lines.push(
			`${2000 + (i % 20)};${area};${i % 400 < 200 ? 'Kvinder' : 'Mænd'};${Math.floor(i / 400)};${value};`
		);
	}
	return lines.join('\n') + '\n';
}

const cli = (dataDir: string, args: string[]) =>
	spawnSync(process.execPath, ['cli/bin.js', ...args], {
		env: { ...process.env, DATA_DIR: dataDir },
		encoding: 'utf8'
	});

async function state(dataDir: string): Promise<string> {
	const database = await openDatabase({ kind: 'pglite', dataDir });
	try {
		const [row] = rowsOf<{ n: number; total: number | null }>(
			await database.db.execute(
				sql`select count(*)::int as n, sum(value)::float8 as total from indicator_observations where indicator_code = 'frafald'`
			)
		);
		return `${row?.n} rows, sum ${row?.total}`;
	} finally {
		await database.close();
	}
}

describe('kill -9 of an import', () => {
	it(`leaves exactly the old or the new data, ${DIRECTORIES * KILLS_PER_DIRECTORY} times at random moments`, async () => {
		const root = mkdtempSync(join(tmpdir(), 'udb-kill-'));
		const dataDirs: string[] = [];
		try {
			const files: [string, string] = [join(root, 'a.csv'), join(root, 'b.csv')];
			writeFileSync(files[0], csv(0));
			writeFileSync(files[1], csv(1));
			const runs = Array.from({ length: DIRECTORIES }, async (_, d) => {
				// Migrated already, as after a first start: the kills are what this test is about.
				const dataDir = await migratedDataDir('udb-kill-data-');
				dataDirs.push(dataDir);
				const loaded = cli(dataDir, [
					'strategy',
					'load',
					'strategies/aalborg-2023-2026.yaml',
					'--activate'
				]);
				expect(loaded.status, loaded.stderr).toBe(0);
				// How long the command takes to open the database and answer (no import).
				const opening = Date.now();
				expect(cli(dataDir, ['strategy', 'list']).status).toBe(0);
				const openRun = Date.now() - opening;
				// Both files once, whole, to know what "old" and "new" look like.
				const started = Date.now();
				expect(cli(dataDir, ['indicators', 'import', 'frafald', files[1]]).status).toBe(0);
				const fullRun = Date.now() - started;
				const after = [await state(dataDir), ''];
				expect(cli(dataDir, ['indicators', 'import', 'frafald', files[0]]).status).toBe(0);
				after[1] = after[0]!;
				after[0] = await state(dataDir);
				const seen: string[] = [];
				let current: 0 | 1 = 0;
				for (let k = 0; k < KILLS_PER_DIRECTORY; k++) {
					const next: 0 | 1 = current === 0 ? 1 : 0;
					const file: string = files[next];
					const child: ChildProcess = spawn(
						process.execPath,
						['cli/bin.js', 'indicators', 'import', 'frafald', file],
						{
							env: { ...process.env, DATA_DIR: dataDir },
							stdio: 'ignore'
						}
					);
					const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
					// Anywhere from about the database's opening to just past the end of a whole run.
					const from = Math.min(openRun * 0.8, fullRun * 0.5);
					const wait = from + Math.random() * (fullRun * 1.1 - from);
					await new Promise((r) => setTimeout(r, wait));
					child.kill('SIGKILL');
					await exited;
					const now = await state(dataDir);
					expect([after[current], after[next]], `kill ${k} in directory ${d}`).toContain(now);
					if (now === after[next]) current = next;
					seen.push(now === after[next] ? 'new' : 'old');
				}
				const database = await openAndMigrate({ kind: 'pglite', dataDir }, 'the test');
				try {
					expect((await checkReadiness(() => database)).ready).toBe(true);
				} finally {
					await database.close();
				}
				return seen;
			});
			const outcomes = (await Promise.all(runs)).flat();
			expect(outcomes).toHaveLength(DIRECTORIES * KILLS_PER_DIRECTORY);
		} finally {
			for (const dir of [root, ...dataDirs]) rmSync(dir, { recursive: true, force: true });
		}
	}, 600_000);
});
