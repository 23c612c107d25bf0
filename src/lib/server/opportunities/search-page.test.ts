import { expect, it } from 'vitest';
import { postingSearchPage } from './search-page.ts';
import { opportunityQuery, type OpportunityHit } from './search.ts';

const hit = (id: string, isDemo: boolean): OpportunityHit => ({
	id,
	slug: `opslag-${id}`,
	type: 'laereplads',
	title: `Opslag ${id}`,
	untranslated: false,
	organization: 'Værkstedet',
	city: 'Aalborg',
	remote: false,
	deadline: null,
	hoursPerWeek: null,
	englishFriendly: false,
	isDemo,
	createdAt: '2026-11-01T00:00:00Z',
	updatedAt: '2026-11-01T00:00:00Z',
	distanceKm: null
});

it('postingSearchPage: every kind of posting with its count, fields and levels as options, links kept', () => {
	const page = postingSearchPage({
		results: {
			total: 21,
			types: { laereplads: 2 },
			fields: { teknik: 2 },
			levels: {},
			near: null,
			nearProblem: 'unknown-postcode',
			items: [hit('1', false), hit('2', false)]
		},
		query: opportunityQuery.parse({ type: ['fritidsjob'], level: ['erhvervsuddannelse'] }),
		search: '?type=fritidsjob&page=2',
		locale: 'da',
		terms: [
			{ vocabulary: 'field', code: 'teknik', name: { da: 'Teknik' } },
			{ vocabulary: 'level', code: 'erhvervsuddannelse', name: { da: 'Erhvervsuddannelse' } }
		],
		postingPath: (slug) => `/job/${slug}`
	});
	const laereplads = page.types.find((t) => t.code === 'laereplads');
	const fritidsjob = page.types.find((t) => t.code === 'fritidsjob');
	expect(laereplads).toEqual({ code: 'laereplads', count: 2, checked: false });
	expect(fritidsjob).toEqual({ code: 'fritidsjob', count: 0, checked: true });
	expect(page.fields).toEqual([{ code: 'teknik', label: 'Teknik', checked: false, count: 2 }]);
	expect(page.levels).toEqual([
		{ code: 'erhvervsuddannelse', label: 'Erhvervsuddannelse', checked: true, count: 0 }
	]);
	expect([page.rest, page.pages, page.anyDemo, page.nearLabel]).toEqual([
		'type=fritidsjob',
		2,
		false,
		null
	]);
	expect(page.nearProblem).toBe('unknown-postcode');
	expect(page.items.map((i) => i.href)).toEqual(['/job/opslag-1', '/job/opslag-2']);
});
