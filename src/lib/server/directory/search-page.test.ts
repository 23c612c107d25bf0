import { describe, expect, it } from 'vitest';
import { nearLabel, offerSearchPage } from './search-page.ts';
import { offerQuery, type OfferHit, type OfferResults } from './search.ts';

const hit = (id: string, place: OfferHit['place'], isDemo = false): OfferHit => ({
	id,
	slug: `tilbud-${id}`,
	title: `Tilbud ${id}`,
	untranslated: false,
	organization: 'Klubben',
	categories: ['vejledning'],
	url: null,
	isDemo,
	place,
	distanceKm: null,
	createdAt: '2026-11-01T09:00:00.000Z',
	updatedAt: '2026-11-01T09:00:00.000Z'
});
const results: OfferResults = {
	total: 45,
	facets: {
		category: { vejledning: 3 },
		audience: {},
		language: { en: 1, da: 3, uk: 1 },
		area: { '9000': 2 }
	},
	near: { postalCode: '9400', name: 'Nørresundby' },
	nearProblem: null,
	items: [
		hit(
			'1',
			{ name: 'Huset', postalCode: '9000', city: 'Aalborg', latitude: 57.05, longitude: 9.92 },
			true
		),
		hit('2', { name: 'Ude', postalCode: '9000', city: 'Aalborg', latitude: null, longitude: null }),
		hit('3', null)
	]
};
const terms = [
	{ vocabulary: 'category', code: 'vejledning', name: { da: 'Vejledning', en: 'Guidance' } },
	{ vocabulary: 'category', code: 'sport', name: { da: 'Sport' } },
	{ vocabulary: 'audience', code: 'unge', name: { da: 'Unge' } }
];
const areas = [
	{ postalCode: '9000', name: 'Aalborg' },
	{ postalCode: '9200', name: 'Aalborg SV' },
	{ postalCode: '9400', name: 'Nørresundby' }
];

describe('offerSearchPage', () => {
	const page = offerSearchPage({
		results,
		query: offerQuery.parse({ q: 'klub', category: ['sport'], area: ['9200'], lang: ['en'] }),
		search: '?q=klub&category=sport&page=2',
		locale: 'en',
		terms,
		areas,
		offerPath: (slug) => `/en/offers/${slug}`
	});

	it('turns facet counts into options: chosen ones ticked, areas only where there are offers or a choice', () => {
		expect(page.categories).toEqual([
			{ code: 'vejledning', label: 'Guidance', checked: false, count: 3 },
			{ code: 'sport', label: 'Sport', checked: true, count: 0 }
		]);
		expect(page.areas.map((a) => [a.code, a.checked, a.count])).toEqual([
			['9000', false, 2],
			['9200', true, 0]
		]);
		expect(page.languages.map((l) => [l.code, l.checked])).toEqual([
			['da', false],
			['en', true],
			['uk', false]
		]);
	});

	it('makes map markers only of places with coordinates, and links every result', () => {
		expect(page.markers).toEqual([
			{
				title: 'Tilbud 1',
				href: '/en/offers/tilbud-1',
				place: 'Huset, 9000 Aalborg',
				lat: 57.05,
				lon: 9.92
			}
		]);
		expect(page.items.map((i) => i.href)).toEqual([
			'/en/offers/tilbud-1',
			'/en/offers/tilbud-2',
			'/en/offers/tilbud-3'
		]);
		expect(page.anyDemo).toBe(true);
	});

	it('keeps the search for the page links, and names where distances are from', () => {
		expect([page.pageQuery, page.pages]).toEqual(['q=klub&category=sport&page=', 3]);
		expect(page.nearLabel).toBe('9400 Nørresundby');
		expect(nearLabel({ postalCode: null, name: 'Boulevarden 13, 9000 Aalborg' })).toBe(
			'Boulevarden 13, 9000 Aalborg'
		);
		expect(nearLabel(null)).toBeNull();
	});
});
