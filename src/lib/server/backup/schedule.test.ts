import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import {
	backupDue,
	backupFileName,
	backupPath,
	lastBackup,
	listBackups,
	readManifest,
	takeBackup
} from './index.ts';

describe('backup file names', () => {
	it('are the UTC time, and only such names resolve to a path', () => {
		expect(backupFileName(new Date('2026-12-05T01:02:03.456Z'))).toBe(
			'uddannelsesby-20261205-010203.backup.gz'
		);
		expect(backupPath('/b', 'uddannelsesby-20261205-010203.backup.gz')).toBe(
			'/b/uddannelsesby-20261205-010203.backup.gz'
		);
		for (const name of ['../secret', 'pgdata', 'uddannelsesby-2026-1.backup.gz', 'x/../y'])
			expect(backupPath('/b', name)).toBeUndefined();
	});

	it('a backup is due when none was taken or the last attempt is BACKUP_HOURS old', () => {
		const now = new Date('2026-12-05T12:00:00Z');
		const at = (iso: string) => ({ at: iso, ok: true, by: 'x' });
		expect(backupDue(undefined, 24, now)).toBe(true);
		expect(backupDue(at('2026-12-04T12:00:01Z'), 24, now)).toBe(false);
		expect(backupDue(at('2026-12-04T12:00:00Z'), 24, now)).toBe(true);
		expect(backupDue(undefined, 0, now)).toBe(false);
	});
});

describe.each(testEngines())('scheduled backups on $name', ({ open }) => {
	let database: Database;
	const dir = mkdtempSync(join(tmpdir(), 'backup-schedule-'));
	beforeAll(async () => {
		database = await open();
	});
	afterAll(async () => {
		await database?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('keeps the newest BACKUP_KEEP files, leaves other files alone, and records the outcome', async () => {
		writeFileSync(join(dir, 'notes.txt'), 'not a backup');
		const settings = { dir, hours: 24, keep: 2, appVersion: 'test' };
		for (const hour of ['01', '02', '03']) {
			const outcome = await takeBackup(
				database,
				settings,
				'system:schedule',
				new Date(`2026-12-05T${hour}:00:00Z`)
			);
			expect(outcome.ok).toBe(true);
		}
		expect(readdirSync(dir).sort()).toEqual([
			'notes.txt',
			'uddannelsesby-20261205-020000.backup.gz',
			'uddannelsesby-20261205-030000.backup.gz'
		]);
		const files = await listBackups(dir);
		expect(files.map((f) => f.takenAt.toISOString())).toEqual([
			'2026-12-05T03:00:00.000Z',
			'2026-12-05T02:00:00.000Z'
		]);
		expect((await readManifest(join(dir, files[0]!.name))).appVersion).toBe('test');
		expect(await lastBackup(database.db)).toMatchObject({
			at: '2026-12-05T03:00:00.000Z',
			ok: true,
			lastSuccessAt: '2026-12-05T03:00:00.000Z',
			by: 'system:schedule'
		});
	});

	it('a failure is recorded with its reason, and the last success is kept', async () => {
		const blocked = join(dir, 'notes.txt', 'inside-a-file');
		const outcome = await takeBackup(
			database,
			{ dir: blocked, hours: 24, keep: 2, appVersion: 'test' },
			'user-1',
			new Date('2026-12-05T04:00:00Z')
		);
		expect(outcome.ok).toBe(false);
		expect(await lastBackup(database.db)).toMatchObject({
			at: '2026-12-05T04:00:00.000Z',
			ok: false,
			error: expect.stringMatching(/ENOTDIR|not a directory/) as unknown,
			lastSuccessAt: '2026-12-05T03:00:00.000Z'
		});
	});
});
