import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import PasswordField from './PasswordField.svelte';

describe('PasswordField', () => {
	it('asks for the password a person has, for the password manager to fill in', async () => {
		const page = rendered(PasswordField, {});
		const input = page.querySelector<HTMLInputElement>('input#password')!;
		expect([input.type, input.name, input.autocomplete, input.required]).toEqual([
			'password',
			'password',
			'current-password',
			true
		]);
		expect(input.hasAttribute('aria-describedby')).toBe(false);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('asks for a new one with its rules as the hint, and says what was wrong', async () => {
		const page = rendered(PasswordField, {
			purpose: 'new',
			label: 'Ny adgangskode',
			error: { key: 'field_required' }
		});
		const input = page.querySelector<HTMLInputElement>('input#password')!;
		expect(input.autocomplete).toBe('new-password');
		expect(page.querySelector('label[for=password]')!.textContent).toContain('Ny adgangskode');
		expect(page.querySelector('#password-hint')!.textContent).toBeTruthy();
		expect(input.getAttribute('aria-invalid')).toBe('true');
		expect(await axeViolations(page)).toEqual([]);
	});
});
