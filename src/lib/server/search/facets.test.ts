import { describe, expect, it } from 'vitest';
import { countFacets, flagFacet, organisationFacet, valueFacet } from './facets.ts';

type Group = { kind: string; levels: string[]; n: number };
const groups: Group[] = [
	{ kind: 'job', levels: ['eud'], n: 3 },
	{ kind: 'job', levels: ['stx', 'eud'], n: 2 },
	{ kind: 'praktik', levels: ['stx'], n: 5 },
	{ kind: 'praktik', levels: [], n: 1 }
];

function counted(query: { kind: string[]; level: string[] }) {
	return countFacets(groups, {
		kinds: valueFacet(query.kind, (g: Group) => g.kind),
		levels: valueFacet(query.level, (g: Group) => g.levels)
	});
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

describe('valueFacet and organisationFacet', () => {
	it('open filters pass everything, null included; chosen ones only what was chosen', () => {
		const one = (chosen: string[], value: string | null) =>
			valueFacet(chosen, () => value).passes({ n: 1 });
		const any = (chosen: string[], values: string[]) =>
			valueFacet(chosen, () => values).passes({ n: 1 });
		expect(one([], null)).toBe(true);
		expect(one(['a'], null)).toBe(false);
		expect(one(['a', 'b'], 'b')).toBe(true);
		expect(one(['a', 'b'], 'c')).toBe(false);
		expect(any([], [])).toBe(true);
		expect(any(['a'], [])).toBe(false);
		expect(any(['a'], ['c', 'a'])).toBe(true);
	});

	it('counts a list’s values once each and nothing for null', () => {
		const facet = valueFacet([], (g: { v: string | null | string[]; n: number }) => g.v);
		for (const group of [
			{ v: ['a', 'a', 'b'], n: 2 },
			{ v: 'a', n: 1 },
			{ v: null, n: 5 }
		])
			facet.count(group);
		expect(facet.result()).toEqual({ a: 3, b: 2 });
	});

	it('counts organisations by name, in Danish order, a chosen one without hits with 0', () => {
		const facet = organisationFacet<{ slug: string; name: string; n: number }>(['gone']);
		for (const group of [
			{ slug: 'aa', name: 'Aalborg Katedralskole', n: 2 },
			{ slug: 'ef', name: 'EUC Nord', n: 1 },
			{ slug: 'aa', name: 'Aalborg Katedralskole', n: 3 }
		])
			facet.count(group);
		expect(facet.passes({ slug: 'aa', name: '', n: 1 })).toBe(false);
		expect(facet.passes({ slug: 'gone', name: '', n: 1 })).toBe(true);
		// "Aa" is å in Danish order: after E.
		expect(facet.result()).toEqual([
			{ slug: 'ef', name: 'EUC Nord', count: 1 },
			{ slug: 'gone', name: 'gone', count: 0 },
			{ slug: 'aa', name: 'Aalborg Katedralskole', count: 5 }
		]);
	});

	it('a yes-or-no filter passes everything until chosen, and counts the rows that have it', () => {
		const su = [
			{ su: true, n: 4 },
			{ su: false, n: 3 }
		];
		expect(countFacets(su, { su: flagFacet(false, (g) => g.su) })).toEqual({ total: 7, su: 4 });
		expect(countFacets(su, { su: flagFacet(true, (g) => g.su) })).toEqual({ total: 4, su: 4 });
	});
});
