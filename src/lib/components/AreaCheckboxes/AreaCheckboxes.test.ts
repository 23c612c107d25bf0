import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import AreaCheckboxes from './AreaCheckboxes.svelte';

const options = [
	{ code: '000', name: 'Hele landet', wide: true },
	{ code: '081', name: 'Region Nordjylland', wide: true },
	{ code: '751', name: 'Aarhus Kommune', wide: false },
	{ code: '461', name: 'Odense Kommune', wide: false }
];

describe('AreaCheckboxes', () => {
	it('groups the areas under named lists and checks the chosen ones', async () => {
		const document = rendered(AreaCheckboxes, { options, checked: ['000', '751'] });
		const lists = [...document.querySelectorAll('ul')];
		expect(
			lists.map((ul) => document.getElementById(ul.getAttribute('aria-labelledby')!)?.textContent)
		).toEqual(['Hele landet og regioner', 'Kommuner']);
		const boxes = [...document.querySelectorAll<HTMLInputElement>('input[name=geo]')];
		expect(boxes.map((b) => [b.value, b.checked])).toEqual([
			['000', true],
			['081', false],
			['751', true],
			['461', false]
		]);
		expect(document.querySelector('[data-filter-name]')).toBeNull();
		expect(await axeViolations(document)).toEqual([]);
	});

	it('leaves out an empty group and marks the items for the filter when asked', () => {
		const document = rendered(AreaCheckboxes, {
			options: options.filter((o) => !o.wide),
			checked: [],
			filterable: true
		});
		expect(document.querySelectorAll('ul')).toHaveLength(1);
		expect(
			[...document.querySelectorAll('[data-filter-name]')].map((li) =>
				li.getAttribute('data-filter-name')
			)
		).toEqual(['Aarhus Kommune', 'Odense Kommune']);
		expect(document.querySelectorAll('[data-filter-part]')).toHaveLength(1);
	});
});
