import type { Db } from '../db/index.ts';

/**
 * An index an app instance keeps in memory of rows the database versions (triggers number
 * every change): the database stays the truth, and every read first catches up with it.
 */
export abstract class VersionedIndex {
	version = -1;
	private updating: Promise<void> | null = null;

	/** The database's current version (one cheap query). */
	protected abstract currentVersion(db: Db): Promise<number>;
	/** Reads what changed since `version`, in one snapshot, and sets `version` to it. */
	protected abstract update(db: Db): Promise<void>;

	/** Brings the index up to the database's current version (one query when nothing changed). */
	async refresh(db: Db): Promise<void> {
		const seen = await this.currentVersion(db);
		// Checks may overlap; catching up runs one at a time, and only while still behind.
		while (this.version < seen) {
			if (this.updating) {
				await this.updating.catch(() => undefined);
				continue;
			}
			this.updating = this.update(db).finally(() => (this.updating = null));
			await this.updating;
		}
	}
}

interface Entry<T> {
	index: T;
	running: Promise<void> | null;
	queued: Promise<void> | null;
}

/**
 * One index per database handle, current as of each call. A check that began before the caller
 * arrived could miss a change committed in between, so a caller waits for one that begins
 * after it; callers arriving meanwhile share it (one version query for all of them).
 */
export function sharedIndex<T extends VersionedIndex>(make: () => T): (db: Db) => Promise<T> {
	const indexes = new WeakMap<Db, Entry<T>>();
	return async (db) => {
		let entry = indexes.get(db);
		if (!entry) indexes.set(db, (entry = { index: make(), running: null, queued: null }));
		const e = entry;
		const start = () =>
			(e.running = e.index.refresh(db).finally(() => {
				e.running = null;
			}));
		if (!e.running) await start();
		else
			await (e.queued ??= e.running
				.catch(() => undefined)
				.then(() => {
					e.queued = null;
					return start();
				}));
		return e.index;
	};
}
