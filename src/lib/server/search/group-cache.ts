import type { Db } from '../db/index.ts';

/**
 * Answers kept per content version: a search's facet groups depend only on its words (and, for
 * events, the time window), not on the filters applied to them in code or on the page asked for,
 * so another filter or page reuses them. Kept until the content version changes; at most `max`
 * keys (the oldest goes first). Without a version (tests, the command line) nothing is kept.
 */
export function versionCache<T>(max = 500) {
	let cache: { version: string; db: Db; entries: Map<string, Promise<T>> } | undefined;
	return (db: Db, version: string | undefined, key: string, read: () => Promise<T>) => {
		if (version === undefined) return read();
		if (cache?.version !== version || cache.db !== db) cache = { version, db, entries: new Map() };
		const entries = cache.entries;
		let found = entries.get(key);
		if (!found) {
			if (entries.size >= max) entries.delete(entries.keys().next().value!);
			found = read();
			entries.set(key, found);
			found.catch(() => entries.delete(key));
		}
		return found;
	};
}
