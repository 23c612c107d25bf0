import { expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import ErrorSummary from './ErrorSummary.svelte';

it('ErrorSummary: nothing without errors; otherwise an alert linking each error to its field', async () => {
	expect(rendered(ErrorSummary, {}).querySelector('[role=alert]')).toBeNull();
	const page = rendered(ErrorSummary, {
		errors: { email: { key: 'alert_bad_email' } },
		message: { key: 'alert_too_many' }
	});
	const alert = page.querySelector('[role=alert]')!;
	expect(alert.querySelector('a')!.getAttribute('href')).toBe('#email');
	expect(alert.querySelectorAll('.alert-text')).toHaveLength(2);
	expect(await axeViolations(page)).toEqual([]);
});
