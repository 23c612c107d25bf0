import { expect, it } from 'vitest';
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
