import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import NearField from './NearField.svelte';

describe('NearField', () => {
	it('asks for a postcode where no address lookup is configured', async () => {
		const page = rendered(NearField, { value: '9000', addresses: false });
		const input = page.querySelector<HTMLInputElement>('#near')!;
		expect([input.maxLength, input.autocomplete, input.inputMode]).toEqual([
			4,
			'postal-code',
			'numeric'
		]);
		expect(input.getAttribute('aria-invalid')).toBeNull();
		expect(await axeViolations(page)).toEqual([]);
	});

	it('asks for an address where one can be looked up, and says why no distance was measured', async () => {
		const page = rendered(NearField, {
			value: 'Ukendt Vej 1',
			addresses: true,
			problem: 'address-not-found'
		});
		const input = page.querySelector<HTMLInputElement>('#near')!;
		expect(input.autocomplete).toBe('street-address');
		expect(input.getAttribute('aria-invalid')).toBe('true');
		expect(page.querySelector('#near-error')!.textContent).toContain(
			'Vi kunne ikke finde adressen »Ukendt Vej 1«'
		);
		expect(input.getAttribute('aria-describedby')).toContain('near-error');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('names an unknown postcode and a lookup that failed', () => {
		const unknown = rendered(NearField, {
			value: '1234',
			addresses: false,
			problem: 'unknown-postcode'
		});
		expect(unknown.querySelector('#near-error')!.textContent).toContain('postnummeret 1234');
		const down = rendered(NearField, {
			value: 'x',
			addresses: true,
			problem: 'lookup-unavailable'
		});
		expect(down.querySelector('#near-error')!.textContent).toContain('svarer ikke lige nu');
	});
});
