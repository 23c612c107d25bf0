import { expect, it } from 'vitest';
import { formContext } from '../form-values.ts';
import { axeViolations, rendered } from '../testing.ts';
import TextArea from './TextArea.svelte';

it('TextArea: a labelled text area with its hint, error and value', async () => {
	const page = rendered(TextArea, {
		id: 'descDa',
		label: 'Beskrivelse',
		hint: 'Højst 5.000 tegn',
		error: { key: 'alert_bad_email' },
		value: 'Lektiehjælp <b>hver</b> tirsdag',
		maxlength: 5000,
		required: true
	});
	const area = page.querySelector<HTMLTextAreaElement>('textarea#descDa')!;
	expect(area.value).toBe('Lektiehjælp <b>hver</b> tirsdag');
	expect([area.name, area.required, area.maxLength]).toEqual(['descDa', true, 5000]);
	expect(area.getAttribute('aria-describedby')).toBe('descDa-hint descDa-error');
	expect(await axeViolations(page)).toEqual([]);
});

it('TextArea: shows the text and the error the form around it was sent back with', () => {
	const page = rendered(
		TextArea,
		{ id: 'next', label: 'Næste skridt' },
		formContext({ values: { next: 'Møde i maj' }, errors: { next: { key: 'alert_bad_email' } } })
	);
	const area = page.querySelector<HTMLTextAreaElement>('textarea#next')!;
	expect([area.value, area.getAttribute('aria-invalid')]).toEqual(['Møde i maj', 'true']);
});
