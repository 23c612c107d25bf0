// Faceted counts, shared by every search that counts its filters' values (postings, events,
// programmes): the matching rows come from the database grouped by what the filters look at,
// and the counts are summed here from those groups.

/** One filter of a search, over groups of matching rows. */
export interface Facet<G> {
	/** Whether a group passes this filter (every group does when nothing is chosen). */
	passes(group: G): boolean;
	/** Counts a group towards this filter's values: it passes every other filter. */
	count(group: G): void;
}

/**
 * The number of rows in the groups that pass every filter. Each facet counts the groups that
 * pass every other filter, so a count ignores its own filter's choice: a reader sees what the
 * other filters leave for each value, including values not chosen.
 */
export function countFacets<G extends { n: number }>(
	groups: Iterable<G>,
	facets: readonly Facet<G>[]
): number {
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
	return total;
}

/** A filter on one value: open when nothing is chosen, else the value must be chosen. */
export function oneOf(chosen: readonly string[]): (value: string | null) => boolean {
	const set = new Set(chosen);
	return (value) => set.size === 0 || (value !== null && set.has(value));
}

/** A filter on a list of values: open when nothing is chosen, else one of them must be. */
export function anyOf(chosen: readonly string[]): (values: readonly string[]) => boolean {
	const set = new Set(chosen);
	return (values) => set.size === 0 || values.some((value) => set.has(value));
}

/** Adds `n` to the count of a value, or of each of a list's values once; none for null. */
export function tally(
	counts: Record<string, number>,
	values: string | null | readonly string[],
	n: number
): void {
	if (values === null) return;
	for (const value of typeof values === 'string' ? [values] : new Set(values))
		counts[value] = (counts[value] ?? 0) + n;
}
