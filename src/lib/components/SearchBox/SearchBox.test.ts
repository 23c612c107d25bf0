import { expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import SearchBox from './SearchBox.svelte';

it('SearchBox: a labelled search field with its hint, the words searched for and a button', async () => {
	const page = rendered(SearchBox, {
		label: 'Søg',
		hint: 'Skriv et eller flere ord',
		submit: 'Søg',
		value: 'lektiecafé "ung"'
	});
	const input = page.querySelector<HTMLInputElement>('input[type=search]')!;
	expect(input.name).toBe('q');
	expect(input.value).toBe('lektiecafé "ung"');
	expect(page.getElementById(input.getAttribute('aria-describedby')!)!.textContent).toBe(
		'Skriv et eller flere ord'
	);
	expect(page.querySelector(`label[for="${input.id}"]`)!.textContent).toBe('Søg');
	expect(page.querySelector('button[type=submit]')).not.toBeNull();
	expect(await axeViolations(page)).toEqual([]);
});
