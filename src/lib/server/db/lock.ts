import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * PGlite takes no lock of its own, and two processes on one data directory corrupt it.
 * This lock file makes the second process (server or CLI) refuse to start instead.
 */
export class DataDirectoryInUseError extends Error {
	constructor(
		readonly directory: string,
		readonly holder: LockInfo
	) {
		super(
			`The data directory ${directory} is in use by ${holder.holder} (process ${holder.pid} on ${holder.host}, since ${holder.since}). ` +
				'Only one process may open an embedded (PGlite) database at a time: stop the other process first, ' +
				'or set DATABASE_URL to a PostgreSQL server to run several processes.'
		);
		this.name = 'DataDirectoryInUseError';
	}
}

interface LockInfo {
	pid: number;
	host: string;
	holder: string;
	since: string;
}

export interface DirectoryLock {
	readonly path: string;
	release(): void;
}

const LOCK_FILE = 'uddannelsesby.lock';

export function acquireDirectoryLock(directory: string, holder: string): DirectoryLock {
	const dir = resolve(directory);
	mkdirSync(dir, { recursive: true });
	const path = join(dir, LOCK_FILE);
	const info: LockInfo = {
		pid: process.pid,
		host: hostname(),
		holder,
		since: new Date().toISOString()
	};

	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(path, 'wx', 0o644);
			writeSync(fd, JSON.stringify(info));
			closeSync(fd);
			return makeLock(path);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const existing = readLock(path);
			if (existing && isHeld(existing)) throw new DataDirectoryInUseError(dir, existing);
			// Left behind by a process that died without cleaning up: take it over.
			try {
				unlinkSync(path);
			} catch {
				// another process removed it first; retry the exclusive create
			}
		}
	}
	const existing = readLock(path);
	throw existing
		? new DataDirectoryInUseError(dir, existing)
		: new Error(`Could not take the lock ${path}; try again.`);
}

function makeLock(path: string): DirectoryLock {
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		process.off('exit', release);
		const current = readLock(path);
		if (current && current.pid === process.pid) {
			try {
				unlinkSync(path);
			} catch {
				// already gone
			}
		}
	};
	process.on('exit', release);
	return { path, release };
}

function readLock(path: string): LockInfo | undefined {
	try {
		const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
		if (typeof parsed.pid !== 'number') return undefined;
		return {
			pid: parsed.pid,
			host: parsed.host ?? 'unknown host',
			holder: parsed.holder ?? 'another process',
			since: parsed.since ?? 'an unknown time'
		};
	} catch {
		return undefined;
	}
}

function isHeld(lock: LockInfo): boolean {
	// A lock from another machine (a shared volume) cannot be checked: treat it as held.
	if (lock.host !== hostname()) return true;
	if (lock.pid === process.pid) return true;
	try {
		process.kill(lock.pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
