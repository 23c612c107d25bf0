import { expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import SortSelect from './SortSelect.svelte';

it('SortSelect: a labelled choice of orders with the current one selected', async () => {
	const page = rendered(SortSelect, {
		label: 'Sortér efter',
		value: 'distance',
		options: [
			{ value: 'relevance', label: 'Bedste match' },
			{ value: 'distance', label: 'Nærmeste først' }
		]
	});
	const select = page.querySelector<HTMLSelectElement>('select[name=sort]')!;
	expect(select.value).toBe('distance');
	expect(page.querySelector(`label[for="${select.id}"]`)!.textContent).toBe('Sortér efter');
	expect(await axeViolations(page)).toEqual([]);
});
