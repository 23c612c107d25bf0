import { expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import BilingualTextFields from './BilingualTextFields.svelte';

it('BilingualTextFields: Danish required, English optional, as lines or text areas', async () => {
	const lines = rendered(BilingualTextFields, {
		id: 'title',
		labels: { da: 'Titel (dansk)', en: 'Titel (engelsk)' },
		values: { da: 'Lektiecafé' },
		maxlength: 200
	});
	const [da, en] = [...lines.querySelectorAll<HTMLInputElement>('input')];
	expect([da!.name, da!.value, da!.required, da!.maxLength]).toEqual([
		'titleDa',
		'Lektiecafé',
		true,
		200
	]);
	expect([en!.name, en!.value, en!.required]).toEqual(['titleEn', '', false]);
	expect(await axeViolations(lines)).toEqual([]);
	const areas = rendered(BilingualTextFields, {
		id: 'desc',
		multiline: true,
		labels: { da: 'Beskrivelse (dansk)', en: 'Beskrivelse (engelsk)' },
		values: { da: 'Hver tirsdag', en: 'Every Tuesday' },
		maxlength: 5000
	});
	const texts = [...areas.querySelectorAll<HTMLTextAreaElement>('textarea')];
	expect(texts.map((t) => [t.name, t.value])).toEqual([
		['descDa', 'Hver tirsdag'],
		['descEn', 'Every Tuesday']
	]);
	expect(await axeViolations(areas)).toEqual([]);
});
