import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirectoryLock, DataDirectoryInUseError } from './lock.ts';

describe('data directory lock', () => {
	const dirs: string[] = [];
	const fresh = () => {
		const dir = mkdtempSync(join(tmpdir(), 'udb-lock-'));
		dirs.push(dir);
		return dir;
	};
	afterEach(() => dirs.splice(0));

	it('is taken and released', () => {
		const dir = fresh();
		const lock = acquireDirectoryLock(dir, 'test');
		expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({
			pid: process.pid,
			holder: 'test'
		});
		lock.release();
		expect(existsSync(lock.path)).toBe(false);
	});

	it('refuses a second holder while the first lives, naming it', async () => {
		const dir = fresh();
		// Another live process holds the lock: a child that sleeps.
		const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
		try {
			writeFileSync(
				join(dir, 'uddannelsesby.lock'),
				JSON.stringify({
					pid: child.pid,
					host: hostname(),
					holder: 'the web server',
					since: '2026-11-25T10:00:00.000Z'
				})
			);
			expect(() => acquireDirectoryLock(dir, 'the uddannelsesby command')).toThrow(
				DataDirectoryInUseError
			);
			expect(() => acquireDirectoryLock(dir, 'cli')).toThrow(
				/in use by the web server \(process \d+/
			);
		} finally {
			child.kill();
		}
	});

	it('takes over a lock left by a process that died', async () => {
		const dir = fresh();
		const child = spawn(process.execPath, ['-e', '']);
		const deadPid = child.pid;
		await new Promise((r) => child.on('exit', r));
		writeFileSync(
			join(dir, 'uddannelsesby.lock'),
			JSON.stringify({
				pid: deadPid,
				host: hostname(),
				holder: 'a crashed server',
				since: '2026-11-25T10:00:00.000Z'
			})
		);
		const lock = acquireDirectoryLock(dir, 'test');
		expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
		lock.release();
	});

	it('treats a lock from another machine as held', () => {
		const dir = fresh();
		writeFileSync(
			join(dir, 'uddannelsesby.lock'),
			JSON.stringify({
				pid: 1,
				host: 'another-host',
				holder: 'the web server',
				since: '2026-11-25T10:00:00.000Z'
			})
		);
		expect(() => acquireDirectoryLock(dir, 'test')).toThrow(/on another-host/);
	});
});
