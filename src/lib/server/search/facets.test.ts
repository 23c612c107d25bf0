import { describe, expect, it } from 'vitest';
import { anyOf, countFacets, oneOf, tally } from './facets.ts';

type Group = { kind: string; levels: string[]; n: number };
const groups: Group[] = [
	{ kind: 'job', levels: ['eud'], n: 3 },
	{ kind: 'job', levels: ['stx', 'eud'], n: 2 },
	{ kind: 'praktik', levels: ['stx'], n: 5 },
	{ kind: 'praktik', levels: [], n: 1 }
];

function counted(query: { kind: string[]; level: string[] }) {
	const kinds: Record<string, number> = {};
	const levels: Record<string, number> = {};
	const kind = oneOf(query.kind);
	const level = anyOf(query.level);
	const total = countFacets(groups, [
		{ passes: (g) => kind(g.kind), count: (g) => tally(kinds, g.kind, g.n) },
		{ passes: (g) => level(g.levels), count: (g) => tally(levels, g.levels, g.n) }
	]);
	return { total, kinds, levels };
}

describe('countFacets', () => {
	it('counts everything when nothing is chosen', () => {
		expect(counted({ kind: [], level: [] })).toEqual({
			total: 11,
			kinds: { job: 5, praktik: 6 },
			levels: { eud: 5, stx: 7 }
		});
	});

	it('counts each filter as if its own choice were not made', () => {
		// Kind chosen: the total and the levels follow it; the kinds still show every kind.
		expect(counted({ kind: ['job'], level: [] })).toEqual({
			total: 5,
			kinds: { job: 5, praktik: 6 },
			levels: { eud: 5, stx: 2 }
		});
		// Both chosen: each count follows the other filter only.
		expect(counted({ kind: ['praktik'], level: ['stx'] })).toEqual({
			total: 5,
			kinds: { job: 2, praktik: 5 },
			levels: { stx: 5 }
		});
	});

	it('leaves out a group that fails two filters from every count', () => {
		expect(counted({ kind: ['praktik'], level: ['eud'] })).toEqual({
			total: 0,
			kinds: { job: 5 },
			levels: { stx: 5 }
		});
	});
});

describe('oneOf, anyOf and tally', () => {
	it('open filters pass everything, null included; chosen ones only what was chosen', () => {
		expect(oneOf([])(null)).toBe(true);
		expect(oneOf(['a'])(null)).toBe(false);
		expect(oneOf(['a', 'b'])('b')).toBe(true);
		expect(anyOf([])([])).toBe(true);
		expect(anyOf(['a'])([])).toBe(false);
		expect(anyOf(['a'])(['c', 'a'])).toBe(true);
	});

	it('tally counts a list’s values once each and nothing for null', () => {
		const counts: Record<string, number> = {};
		tally(counts, ['a', 'a', 'b'], 2);
		tally(counts, 'a', 1);
		tally(counts, null, 5);
		expect(counts).toEqual({ a: 3, b: 2 });
	});
});
