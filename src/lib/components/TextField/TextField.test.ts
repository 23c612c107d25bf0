import { describe, expect, it } from 'vitest';
import { formContext } from '../form-values.ts';
import { axeViolations, expectLabelled, LABELLED, rendered } from '../testing.ts';
import TextField from './TextField.svelte';

describe('TextField', () => {
	it('labels its input, ties the hint to it and keeps the value', async () => {
		const page = rendered(TextField, {
			...LABELLED,
			value: '9000',
			inputmode: 'numeric',
			maxlength: 4,
			width: 'xs'
		});
		const input = expectLabelled(page) as HTMLInputElement;
		expect([input.name, input.value, input.maxLength, input.inputMode]).toEqual([
			LABELLED.id,
			'9000',
			4,
			'numeric'
		]);
		expect(input.classList.contains('input-width-xs')).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('says what is wrong beside the field and marks it invalid', async () => {
		const page = rendered(TextField, {
			id: 'email',
			type: 'email',
			label: 'E-mail',
			error: { key: 'alert_bad_email' },
			required: true
		});
		const input = page.querySelector<HTMLInputElement>('#email')!;
		expect(input.getAttribute('aria-invalid')).toBe('true');
		expect(input.getAttribute('aria-describedby')).toBe('email-error');
		expect(page.querySelector('.form-group')!.classList.contains('form-error')).toBe(true);
		expect(page.querySelector('#email-error')!.textContent).toBeTruthy();
		expect(await axeViolations(page)).toEqual([]);
	});

	it('takes its value and error from the form around it, unless it is given its own', () => {
		const context = formContext({
			values: { postalCode: '9400', city: 'Nørresundby' },
			errors: { postalCode: { key: 'alert_bad_email' } }
		});
		const sent = rendered(TextField, { id: 'postalCode', label: 'Postnummer' }, context);
		const input = sent.querySelector<HTMLInputElement>('#postalCode')!;
		expect([input.value, input.getAttribute('aria-invalid')]).toEqual(['9400', 'true']);
		expect(sent.querySelector('#postalCode-error')!.textContent).toBeTruthy();
		const own = rendered(TextField, { id: 'city', label: 'By', value: 'Aalborg' }, context);
		const city = own.querySelector<HTMLInputElement>('#city')!;
		expect([city.value, city.getAttribute('aria-invalid')]).toEqual(['Aalborg', null]);
		const secret = rendered(
			TextField,
			{ id: 'password', type: 'password', label: 'Adgangskode' },
			formContext({ values: { password: 'hemmelig' } })
		);
		expect(secret.querySelector<HTMLInputElement>('#password')!.hasAttribute('value')).toBe(false);
		const alone = rendered(TextField, { id: 'postalCode', label: 'Postnummer' });
		expect(alone.querySelector<HTMLInputElement>('#postalCode')!.value).toBe('');
	});
});
