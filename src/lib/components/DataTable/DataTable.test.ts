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
		// A table wider than the screen scrolls in a region named by the caption, reached by Tab.
		const region = page.querySelector('[role="region"]')!;
		expect(region.getAttribute('aria-label')).toBe('Statusrunder');
		expect(region.getAttribute('tabindex')).toBe('0');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('names a column for screen readers only when asked', async () => {
		const page = rendered(DataTable, {
			caption: 'Kalenderfeeds',
			headers: ['Organisation', { hidden: 'Fjern' }],
			showCaption: true,
			children: createRawSnippet(() => ({
				render: () => '<tr><td>Eksempelskolen</td><td><button>Fjern</button></td></tr>'
			}))
		});
		expect(page.querySelector('thead th:last-child span')!.className).toBe('sr-only');
		expect(page.querySelector('thead th:last-child')!.textContent!.trim()).toBe('Fjern');
		expect(page.querySelector('caption')!.className).toBe('');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('makes each row a card on a phone when stacked, the cells named by their data-title', async () => {
		const page = rendered(DataTable, {
			caption: 'Revisionslog',
			headers: ['Tid', 'Bruger'],
			stacked: true,
			children: createRawSnippet(() => ({
				render: () =>
					'<tr><td data-title="Tid">8.12.2026</td><td data-title="Bruger">a@b.dk</td></tr>'
			}))
		});
		expect(page.querySelector('table')!.classList.contains('table--responsive-headers')).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		const plain = rendered(DataTable, {
			caption: 'Revisionslog',
			headers: ['Tid'],
			children: createRawSnippet(() => ({ render: () => '<tr><td>8.12.2026</td></tr>' }))
		});
		expect(plain.querySelector('table')!.className).toBe('table table--compact');
	});
});
