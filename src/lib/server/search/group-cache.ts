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

/**
 * A search's facet counts kept per content version in two steps: the groups of matching rows
 * the database returns (keyed by what it filtered on: the words, a time window), and the counts
 * summed from them (keyed by those and the filters applied to the groups in code). Another page
 * of the same list reuses the counts; another choice of those filters, the groups.
 */
export function facetCountCache<G, C>() {
	const groups = versionCache<G[]>();
	const counts = versionCache<C>();
	return (
		db: Db,
		version: string | undefined,
		key: { groups: string; filters: unknown },
		read: () => Promise<G[]>,
		count: (groups: G[]) => C
	): Promise<C> =>
		counts(db, version, JSON.stringify([key.groups, key.filters]), async () =>
			count(await groups(db, version, key.groups, read))
		);
}
