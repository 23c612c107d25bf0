import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import DataTable from './DataTable.svelte';

describe('DataTable', () => {
	it('names its columns in a header row and captions the table for screen readers', async () => {
		const page = rendered(DataTable, {
			caption: 'Statusrunder',
			headers: ['Runde', 'Frist'],
			children: createRawSnippet(() => ({
				render: () => '<tr><td>Forår</td><td>20. marts 2026</td></tr>'
			}))
		});
		expect([...page.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
			'Runde',
			'Frist'
		]);
		expect(page.querySelector('thead th')!.getAttribute('scope')).toBe('col');
		expect(page.querySelector('caption')!.className).toBe('sr-only');
		expect(page.querySelector('tbody td')!.textContent).toBe('Forår');
		expect(await axeViolations(page)).toEqual([]);
	});
});
