import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import FacetFilters from './FacetFilters.svelte';
import { day, options, toggle, whole } from './facets.ts';

describe('FacetFilters', () => {
	it('renders groups with counts, yes/no choices, numbers and dates, in order', async () => {
		const page = rendered(FacetFilters, {
			facets: [
				options('Kategori', 'category', [
					{ code: 'vejledning', label: 'Vejledning', count: 4, checked: true },
					{ code: 'sport', label: 'Sport', count: 0 }
				]),
				toggle('free', 'Kun gratis', true),
				whole('age', 'Alder', 17, 0, 120),
				day('deadline', 'Frist efter', '2026-12-24')
			]
		});
		const boxes = [...page.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
		expect(boxes.map((b) => [b.name, b.value, b.checked])).toEqual([
			['category', 'vejledning', true],
			['category', 'sport', false],
			['free', '1', true]
		]);
		expect(page.querySelector('label[for="category-vejledning"]')!.textContent).toBe(
			'Vejledning (4)'
		);
		expect(page.querySelector('legend')!.textContent).toBe('Kategori');
		const age = page.querySelector<HTMLInputElement>('#age')!;
		expect([age.type, age.value, age.min, age.max]).toEqual(['number', '17', '0', '120']);
		expect(page.querySelector<HTMLInputElement>('#deadline')!.value).toBe('2026-12-24');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('leaves out a group with no values, and an empty number stays empty', () => {
		const page = rendered(FacetFilters, {
			facets: [options('Sprog', 'lang', []), whole('hours', 'Timer', null, 1, 60)]
		});
		expect(page.querySelector('fieldset')).toBeNull();
		expect(page.querySelector<HTMLInputElement>('#hours')!.value).toBe('');
	});
});
