// Which breakdowns an indicator import replaces, put into words by the upload preview and the
// command line. An import's breakdowns are keys of dimension names joined by '|' ('' for the
// totals); a file that breaks down by three dimensions often holds every combination of them
// (7 keys), which reads better as one phrase than as a list of seven.

export interface BreakdownGroups {
	totals: boolean;
	/** Every combination of these dimensions, alone and together (two or more of them). */
	every: string[] | null;
	/** Otherwise: each breakdown's dimensions. */
	each: string[][];
}

export function groupBreakdowns(keys: readonly string[]): BreakdownGroups {
	const combos = [...new Set(keys.filter((k) => k !== ''))].map((k) => k.split('|'));
	const dims = [...new Set(combos.flat())].sort((a, b) => a.localeCompare(b, 'da'));
	const every = dims.length >= 2 && combos.length === 2 ** dims.length - 1 ? dims : null;
	return { totals: keys.includes(''), every, each: every ? [] : combos };
}

/**
 * An import's periods as a list, or, when there are many, counted with their span in the
 * reader's words (`many`: "20 periods, 2005–2024"), which also tells a reader of a span with
 * gaps that it has them.
 */
export function periodList(
	periods: readonly string[],
	many: (count: number, from: string, to: string) => string
): string {
	return periods.length > 6
		? many(periods.length, periods[0]!, periods.at(-1)!)
		: periods.join(', ');
}

/** "a", "a and b", "a, b and c", with the reader's word for "and". */
export function listOf(items: readonly string[], and: string): string {
	return items.length <= 1
		? (items[0] ?? '')
		: `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/** The breakdowns as phrases, joined by semicolons (a phrase may hold its own list). */
export function describeBreakdowns(
	keys: readonly string[],
	words: {
		and: string;
		totals: string;
		by: (dims: string) => string;
		every: (dims: string) => string;
	}
): string {
	const g = groupBreakdowns(keys);
	return [
		...(g.totals ? [words.totals] : []),
		...(g.every
			? [words.every(listOf(g.every, words.and))]
			: g.each.map((dims) => words.by(listOf(dims, words.and))))
	].join('; ');
}
