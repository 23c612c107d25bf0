import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import ResultList from './ResultList.svelte';

type Hit = {
	id: string;
	href: string;
	title: string;
	isDemo: boolean;
	untranslated?: boolean;
	place: string;
};
const hits: Hit[] = [
	{
		id: '1',
		href: '/tilbud/lektiecafe',
		title: 'Lektiecafé',
		isDemo: true,
		untranslated: true,
		place: 'Vejgaard'
	},
	{ id: '2', href: '/tilbud/klub', title: 'Ungdomsklub <3', isDemo: false, place: 'Hasseris' }
];
const common = {
	heading: 'Resultater: 2 tilbud',
	item: createRawSnippet((hit: () => Hit) => ({ render: () => `<p>${hit().place}</p>` })),
	empty: createRawSnippet(() => ({ render: () => '<p>Ingen tilbud passer.</p>' })),
	pages: 3,
	href: (page: number) => `/tilbud?q=klub&page=${page}`
};

describe('ResultList', () => {
	it('lists each result as a linked heading with its details, a demo badge and the pages', async () => {
		const page = rendered(ResultList<Hit>, { ...common, items: hits, page: 2 });
		const links = [...page.querySelectorAll('li h3 a')];
		expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
			['Lektiecafé', '/tilbud/lektiecafe'],
			['Ungdomsklub <3', '/tilbud/klub']
		]);
		expect(page.querySelectorAll('li .badge')).toHaveLength(1);
		// A Danish title on an English page is marked Danish.
		expect([...page.querySelectorAll('li h3 a')].map((a) => a.getAttribute('lang'))).toEqual([
			'da',
			null
		]);
		expect([...page.querySelectorAll('li p')].map((p) => p.textContent)).toEqual([
			'Vejgaard',
			'Hasseris'
		]);
		const nav = page.querySelector('nav')!;
		expect(nav.querySelector('a[rel=prev]')!.getAttribute('href')).toBe('/tilbud?q=klub&page=1');
		expect(nav.querySelector('a[rel=next]')!.getAttribute('href')).toBe('/tilbud?q=klub&page=3');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('says so when nothing was found, without pages', async () => {
		const page = rendered(ResultList<Hit>, { ...common, items: [], page: 1, pages: 1 });
		expect(page.querySelector('ul')).toBeNull();
		expect(page.querySelector('nav')).toBeNull();
		expect(page.querySelector('section p')!.textContent).toBe('Ingen tilbud passer.');
		expect(await axeViolations(page)).toEqual([]);
	});
});
