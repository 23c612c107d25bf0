import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import SavedSearchForm from './SavedSearchForm.svelte';

describe('SavedSearchForm', () => {
	it('asks for an e-mail address and posts to the search it saves', async () => {
		const page = rendered(SavedSearchForm, { action: '/job?/alert&type=laereplads', locale: 'da' });
		expect(page.querySelector('form')!.getAttribute('action')).toBe('/job?/alert&type=laereplads');
		const email = page.querySelector<HTMLInputElement>('input[type=email]')!;
		expect([email.name, email.required, email.value]).toEqual(['email', true, '']);
		expect(page.querySelector('[role=alert]')).toBeNull();
		expect(await axeViolations(page)).toEqual([]);
	});

	it('keeps the address and says why it was refused', async () => {
		const page = rendered(SavedSearchForm, {
			action: '/job?/alert',
			locale: 'da',
			failed: { message: { key: 'alert_bad_email' }, email: 'ikke-en-adresse' }
		});
		expect(page.querySelector('[role=alert]')!.textContent).toBeTruthy();
		expect(page.querySelector<HTMLInputElement>('input[type=email]')!.value).toBe(
			'ikke-en-adresse'
		);
		expect(await axeViolations(page)).toEqual([]);
	});
});
