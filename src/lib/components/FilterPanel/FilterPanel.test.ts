import { createRawSnippet } from 'svelte';
import { expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import FilterPanel from './FilterPanel.svelte';

const children = createRawSnippet(() => ({
	render: () =>
		'<fieldset><legend>Kategori</legend><input type="checkbox" id="c" name="category" value="x"><label for="c">Lektiehjælp</label></fieldset>'
}));
const common = { label: 'Afgræns', submit: 'Vis resultater', clear: '/tilbud', children };

it('FilterPanel: the filters folded under a summary that says how many are chosen', async () => {
	const page = rendered(FilterPanel, { ...common, chosen: 2 });
	const details = page.querySelector('details.filter-panel')!;
	expect(details.hasAttribute('open')).toBe(false);
	expect(details.querySelector('summary h2')!.textContent).toBe('Afgræns');
	expect(details.querySelector('summary .filter-panel-chosen')!.textContent).toBe('2 valgt');
	const content = details.querySelector('.filter-panel-content')!;
	expect(content.querySelector('input[name=category]')).not.toBeNull();
	expect(content.querySelector('button[type=submit]')!.textContent).toBe('Vis resultater');
	expect(content.querySelector('a')!.getAttribute('href')).toBe('/tilbud');
	expect(await axeViolations(page)).toEqual([]);
	const none = rendered(FilterPanel, { ...common, chosen: 0 });
	expect(none.querySelector('.filter-panel-chosen')).toBeNull();
});
