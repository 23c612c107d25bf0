import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDirectoryLock, DataDirectoryInUseError } from './lock.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'udb-lock-'));

/** Another process that takes the directory's lock through the same module and keeps it. */
async function holder(dir: string): Promise<ChildProcess> {
	const script = `
		import { acquireDirectoryLock } from ${JSON.stringify(join(process.cwd(), 'src/lib/server/db/lock.ts'))};
		acquireDirectoryLock(${JSON.stringify(dir)}, 'the web server');
		console.log('locked');
		setInterval(() => {}, 1000);`;
	const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolve, reject) => {
		child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
		child.on('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
	});
	return child;
}

describe('data directory lock', () => {
	it('is taken, names its holder, and is released', () => {
		const dir = fresh();
		const lock = acquireDirectoryLock(dir, 'test');
		expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({
			pid: process.pid,
			holder: 'test'
		});
		expect(() => acquireDirectoryLock(dir, 'second')).toThrow(DataDirectoryInUseError);
		lock.release();
		acquireDirectoryLock(dir, 'third').release();
	});

	it('refuses a second process at once while the first lives, naming it', async () => {
		const dir = fresh();
		const child = await holder(dir);
		try {
			const started = performance.now();
			expect(() => acquireDirectoryLock(dir, 'the uddannelsesby command')).toThrow(
				new RegExp(`in use by the web server \\(process ${child.pid} on `)
			);
			expect(performance.now() - started).toBeLessThan(1000);
		} finally {
			child.kill('SIGKILL');
		}
	});

	it('is free again the moment its holder is killed with SIGKILL', async () => {
		const dir = fresh();
		const child = await holder(dir);
		child.kill('SIGKILL');
		await new Promise((resolve) => child.on('exit', resolve));
		const lock = acquireDirectoryLock(dir, 'after the crash');
		expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({
			pid: process.pid,
			holder: 'after the crash'
		});
		lock.release();
	});

	it('does not trust what a leftover file says: a named live process or host holds nothing', () => {
		const dir = fresh();
		// PID 1 always lives, and a re-created container has a new host name.
		writeFileSync(
			join(dir, 'uddannelsesby.lock'),
			JSON.stringify({ pid: 1, host: 'another-host', holder: 'x', since: '2026-11-25' })
		);
		acquireDirectoryLock(dir, 'test').release();
	});
});
