import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { tryLock, unlock } from 'fs-native-extensions';

/**
 * PGlite takes no lock of its own, and two processes on one data directory corrupt it.
 * This lock makes the second process (server or CLI) refuse to start instead.
 *
 * The lock is the operating system's (an exclusive lock on an open file): it is released when
 * the process ends, however it ends. A lock file that only names a process would outlive a
 * `kill -9`, and a check of whether that process still lives fails in a container, where the
 * server is PID 1 and the host name changes with every new container.
 */
export class DataDirectoryInUseError extends Error {
	constructor(
		readonly directory: string,
		readonly holder: LockInfo | undefined
	) {
		super(
			`The data directory ${directory} is in use by ${
				holder
					? `${holder.holder} (process ${holder.pid} on ${holder.host}, since ${holder.since})`
					: 'another process'
			}. ` +
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

export const LOCK_FILE = 'uddannelsesby.lock';

/** Takes the directory's lock at once, or throws DataDirectoryInUseError naming the holder. */
export function acquireDirectoryLock(directory: string, holder: string): DirectoryLock {
	const dir = resolve(directory);
	mkdirSync(dir, { recursive: true });
	const path = join(dir, LOCK_FILE);
	const fd = openSync(path, 'a+', 0o644);
	let granted = false;
	try {
		granted = tryLock(fd);
	} catch (error) {
		closeSync(fd);
		throw error;
	}
	if (!granted) {
		closeSync(fd);
		throw new DataDirectoryInUseError(dir, readLock(path));
	}
	// Who holds it, for the message a second process shows; the lock itself is the OS's.
	const info: LockInfo = {
		pid: process.pid,
		host: hostname(),
		holder,
		since: new Date().toISOString()
	};
	ftruncateSync(fd, 0);
	writeSync(fd, JSON.stringify(info), 0);
	return makeLock(path, fd);
}

function makeLock(path: string, fd: number): DirectoryLock {
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		process.off('exit', release);
		try {
			ftruncateSync(fd, 0);
			unlock(fd);
		} finally {
			closeSync(fd);
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
