import { createRawSnippet } from 'svelte';
import { expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import FilterPanel from './FilterPanel.svelte';

const children = createRawSnippet(() => ({
	render: () =>
		'<fieldset><legend>Kategori</legend><input type="checkbox" id="c" name="category" value="x"><label for="c">Lektiehjælp</label></fieldset>'
}));

it('FilterPanel: the filters folded under a summary that says how many are chosen', async () => {
	const page = rendered(FilterPanel, { label: 'Afgræns', chosen: '2 valgt', children });
	const details = page.querySelector('details.filter-panel')!;
	expect(details.hasAttribute('open')).toBe(false);
	expect(details.querySelector('summary h2')!.textContent).toBe('Afgræns');
	expect(details.querySelector('summary .filter-panel-chosen')!.textContent).toBe('2 valgt');
	expect(details.querySelector('.filter-panel-content input[name=category]')).not.toBeNull();
	expect(await axeViolations(page)).toEqual([]);
	const none = rendered(FilterPanel, { label: 'Afgræns', children });
	expect(none.querySelector('.filter-panel-chosen')).toBeNull();
});
