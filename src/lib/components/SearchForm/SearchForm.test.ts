import { createRawSnippet } from 'svelte';
import { expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import SearchForm from './SearchForm.svelte';

const snippet = (html: string) => createRawSnippet(() => ({ render: () => html }));

it('SearchForm: a GET form with the search box, the filters beside the results and what it carries along', async () => {
	const page = rendered(SearchForm, {
		action: '/arrangementer',
		search: { label: 'Søg i arrangementer', hint: 'Fx åbent hus', submit: 'Søg', value: 'tømrer' },
		chosen: 1,
		submit: 'Vis arrangementer',
		hidden: snippet('<input type="hidden" name="visning" value="maaned">'),
		filters: snippet(
			'<fieldset><legend>Type</legend><input type="checkbox" id="k" name="kind" value="aabent-hus" checked><label for="k">Åbent hus</label></fieldset>'
		),
		children: snippet('<section class="col-12 col-lg-8"><h2>Resultater: 3</h2></section>')
	});
	const form = page.querySelector('form')!;
	expect(form.getAttribute('method')).toBe('get');
	expect(form.getAttribute('action')).toBe('/arrangementer');
	expect(form.querySelector<HTMLInputElement>('input[type=hidden][name=visning]')!.value).toBe(
		'maaned'
	);
	expect(form.querySelector<HTMLInputElement>('input[type=search]')!.value).toBe('tømrer');
	const row = form.querySelector(':scope > .row')!;
	const panel = row.querySelector('details.filter-panel')!;
	expect(panel.querySelector('summary .filter-panel-chosen')!.textContent).toBe('1 valgt');
	expect(panel.querySelector('input[name=kind]')).not.toBeNull();
	expect(panel.querySelector('button[type=submit]')!.textContent).toBe('Vis arrangementer');
	// The link that clears the filters leads to the page without any choice.
	expect(panel.querySelector('.filter-panel-content a')!.getAttribute('href')).toBe(
		'/arrangementer'
	);
	// The results stand beside the filters, after them in the source.
	expect(row.lastElementChild!.querySelector('h2')!.textContent).toBe('Resultater: 3');
	expect(await axeViolations(page)).toEqual([]);
});
