import { expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import ListFilterField from './ListFilterField.svelte';

it('ListFilterField: a hidden search field with a hint, not sent, and a line for the count', async () => {
	const page = rendered(ListFilterField, {
		id: 'area-filter',
		label: 'Find et område',
		hint: 'Skriv en del af navnet.',
		one: '1 område vises',
		many: '{count} områder vises'
	});
	const field = page.querySelector<HTMLElement>('[data-list-filter-field]')!;
	expect(field.hidden).toBe(true);
	const input = page.querySelector<HTMLInputElement>('#area-filter')!;
	expect([input.type, input.name, input.getAttribute('aria-describedby')]).toEqual([
		'search',
		'',
		'area-filter-hint'
	]);
	const status = page.querySelector('[role=status]')!;
	expect([status.getAttribute('data-one'), status.getAttribute('data-many')]).toEqual([
		'1 område vises',
		'{count} områder vises'
	]);
	expect(await axeViolations(page)).toEqual([]);
});
