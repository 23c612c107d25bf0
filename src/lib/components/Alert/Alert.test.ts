import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import Alert from './Alert.svelte';

describe('Alert', () => {
	it('shows a heading and a text, as a note unless it is an error', async () => {
		const page = rendered(Alert, {
			variant: 'warning',
			heading: 'Demodata',
			text: 'Opdigtede tal.'
		});
		const box = page.querySelector('.alert')!;
		expect(box.className).toContain('alert-warning');
		expect(box.getAttribute('role')).toBe('note');
		expect(box.querySelector('.alert-heading')!.textContent).toBe('Demodata');
		expect(box.querySelector('.alert-text')!.textContent).toBe('Opdigtede tal.');
		// DKFDS's warning icon where the design keeps room for it, hidden from screen readers.
		const icon = box.querySelector(':scope > svg.alert-icon')!;
		expect(icon.getAttribute('aria-hidden')).toBe('true');
		expect(icon.querySelector('path')!.getAttribute('d')).toMatch(/^m40-120 440-760/);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('announces an error at once, and carries more content and extra classes', async () => {
		const page = rendered(Alert, {
			variant: 'error',
			text: 'Adressen er ikke gyldig.',
			class: 'demo-notice',
			children: createRawSnippet(() => ({
				render: () => '<p class="alert-text"><a href="/hjaelp">Få hjælp</a></p>'
			}))
		});
		const box = page.querySelector('.alert')!;
		expect(box.getAttribute('role')).toBe('alert');
		expect(box.classList.contains('demo-notice')).toBe(true);
		expect(box.querySelector('.alert-heading')).toBeNull();
		expect(box.querySelector('a')!.textContent).toBe('Få hjælp');
		expect(await axeViolations(page)).toEqual([]);
	});
});
