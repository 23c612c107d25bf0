import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import CodeField from './CodeField.svelte';

describe('CodeField', () => {
	it('asks for the app’s six digits, as a one-time code the device may fill in', async () => {
		const page = rendered(CodeField, {});
		const input = page.querySelector<HTMLInputElement>('input#code')!;
		expect([input.name, input.autocomplete, input.inputMode, input.maxLength]).toEqual([
			'code',
			'one-time-code',
			'numeric',
			6
		]);
		expect(input.required).toBe(true);
		expect(page.querySelector('label[for=code]')!.textContent).toBeTruthy();
		expect(await axeViolations(page)).toEqual([]);
	});

	it('takes a backup code’s length, and says what was wrong', async () => {
		const page = rendered(CodeField, { maxlength: 32, error: { key: 'code_failed' } });
		const input = page.querySelector<HTMLInputElement>('input#code')!;
		expect(input.maxLength).toBe(32);
		expect(input.getAttribute('aria-invalid')).toBe('true');
		expect(page.querySelector('#code-error')!.textContent).toBeTruthy();
		expect(await axeViolations(page)).toEqual([]);
	});
});
