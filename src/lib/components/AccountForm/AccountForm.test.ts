import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import AccountForm from './AccountForm.svelte';

describe('AccountForm', () => {
	it('asks for name and a new password, and for the e-mail only when the link has none', async () => {
		const invitation = rendered(AccountForm, { submit: 'Opret konto', values: { name: 'Mette' } });
		expect([...invitation.querySelectorAll('input')].map((i) => i.name)).toEqual([
			'name',
			'password'
		]);
		expect(invitation.querySelector<HTMLInputElement>('#name')!.value).toBe('Mette');
		expect(invitation.querySelector('#password')!.getAttribute('autocomplete')).toBe(
			'new-password'
		);
		expect(await axeViolations(invitation)).toEqual([]);

		const setUp = rendered(AccountForm, {
			submit: 'Opret administrator',
			withEmail: true,
			emailHint: 'Brug din arbejdsadresse.',
			values: { email: 'it@aalborg.dk' },
			errors: { password: { key: 'password_too_short' } }
		});
		expect([...setUp.querySelectorAll('input')].map((i) => i.name)).toEqual([
			'name',
			'email',
			'password'
		]);
		expect(setUp.querySelector<HTMLInputElement>('#email')!.value).toBe('it@aalborg.dk');
		expect(setUp.querySelector('#password')!.getAttribute('aria-invalid')).toBe('true');
		expect(setUp.querySelector('button[type=submit]')!.textContent).toBe('Opret administrator');
		expect(await axeViolations(setUp)).toEqual([]);
	});

	it('says why a link cannot be used, points to sign-in and shows no form', async () => {
		const page = rendered(AccountForm, {
			submit: 'Opret konto',
			problem: { key: 'invitation_expired' }
		});
		expect(page.querySelector('form')).toBeNull();
		expect(page.querySelector('.alert-error')!.textContent).toContain('udløbet');
		expect(page.querySelector('a')!.getAttribute('href')).toBe('/log-ind');
		expect(await axeViolations(page)).toEqual([]);
	});
});
