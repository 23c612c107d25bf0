// Faceted counts, shared by every search that counts its filters' values (postings, events,
// programmes): the matching rows come from the database grouped by what the filters look at,
// and the counts are summed here from those groups.

/** One filter of a search, over groups of matching rows, and its counts. */
export interface Facet<G, R = unknown> {
	/** Whether a group passes this filter (every group does when nothing is chosen). */
	passes(group: G): boolean;
	/** Counts a group towards this filter's values: it passes every other filter. */
	count(group: G): void;
	/** The counts, once every group is counted. */
	result(): R;
}

/** What `countFacets` gives: the total and each facet's counts under the facet's name. */
export type FacetCounts<F> = { total: number } & {
	[K in keyof F]: F[K] extends Facet<never, infer R> ? R : never;
};

/**
 * The number of rows in the groups that pass every filter (`total`) and each facet's counts.
 * Each facet counts the groups that pass every other filter, so a count ignores its own
 * filter's choice: a reader sees what the other filters leave for each value, including values
 * not chosen.
 */
export function countFacets<G extends { n: number }, F extends Record<string, Facet<G>>>(
	groups: Iterable<G>,
	named: F
): FacetCounts<F> {
	const facets = Object.values(named);
	let total = 0;
	for (const group of groups) {
		let failed = 0;
		let failedAt = -1;
		for (let i = 0; i < facets.length && failed < 2; i++)
			if (!facets[i]!.passes(group)) {
				failed++;
				failedAt = i;
			}
		if (failed === 0) {
			total += group.n;
			for (const facet of facets) facet.count(group);
		} else if (failed === 1) facets[failedAt]!.count(group);
	}
	const counts: Record<string, unknown> = { total };
	for (const [name, facet] of Object.entries(named)) counts[name] = facet.result();
	return counts as FacetCounts<F>;
}

/**
 * A filter on what `valueOf` reads from each group, counted per value: open when nothing is
 * chosen, else the value (or one of a list's values) must be chosen. A list's values are
 * counted once each; null, never.
 */
export function valueFacet<G extends { n: number }>(
	chosen: readonly string[],
	valueOf: (group: G) => string | null | readonly string[]
): Facet<G, Record<string, number>> {
	const set = new Set(chosen);
	const counts: Record<string, number> = {};
	return {
		passes(group) {
			if (set.size === 0) return true;
			const value = valueOf(group);
			if (value === null) return false;
			return typeof value === 'string' ? set.has(value) : value.some((v) => set.has(v));
		},
		count(group) {
			const value = valueOf(group);
			if (value === null) return;
			for (const v of typeof value === 'string' ? [value] : new Set(value))
				counts[v] = (counts[v] ?? 0) + group.n;
		},
		result: () => counts
	};
}

/**
 * A yes-or-no filter (SU, say): when `chosen`, only groups that `have` it pass. Its count is of
 * the rows that have it among those the other filters leave.
 */
export function flagFacet<G extends { n: number }>(
	chosen: boolean,
	have: (group: G) => boolean
): Facet<G, number> {
	let count = 0;
	return {
		passes: (group) => !chosen || have(group),
		count: (group) => void (count += have(group) ? group.n : 0),
		result: () => count
	};
}

/** A count per organisation (organiser, institution) with its name. */
export interface NamedCount {
	slug: string;
	name: string;
	count: number;
}

/**
 * A filter on the organisation of each group (its `slug`), counted per organisation with its
 * `name`: by name in Danish order, a chosen one without hits listed with 0, so a reader can
 * unchoose it.
 */
export function organisationFacet<G extends { n: number; slug: string; name: string }>(
	chosen: readonly string[]
): Facet<G, NamedCount[]> {
	const set = new Set(chosen);
	const counts = new Map<string, NamedCount>();
	const add = (slug: string, name: string, n: number) => {
		const seen = counts.get(slug) ?? { slug, name, count: 0 };
		seen.count += n;
		counts.set(slug, seen);
	};
	return {
		passes: (group) => set.size === 0 || set.has(group.slug),
		count: (group) => add(group.slug, group.name, group.n),
		result() {
			for (const slug of chosen) if (!counts.has(slug)) add(slug, slug, 0);
			return [...counts.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
		}
	};
}
