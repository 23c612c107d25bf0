import { describe, expect, it } from 'vitest';
import { changedWords, showChanges, showValue, type Vocabulary } from './submission-changes.ts';

const vocabulary: Vocabulary = {
	terms: [
		{
			vocabulary: 'category',
			code: 'lektiehjaelp',
			name: { da: 'Lektiehjælp', en: 'Homework help' }
		},
		{ vocabulary: 'audience', code: 'unge', name: { da: 'Unge' } }
	],
	organizations: new Map([['0b6c1f0e-0000-4000-8000-000000000001', 'Aalborg Bibliotekerne']]),
	guideposts: new Map([['uddannelse-til-alle', 'Uddannelse til alle']])
};

describe('a proposal as an editor reads it', () => {
	it('writes values as the public page does, in the reader’s language', () => {
		const hours = [{ byday: 'TU,TH', opensAt: '15:00', closesAt: '17:00' }];
		expect(showValue('schedules', hours, 'da', vocabulary)).toBe('tirsdag, torsdag 15.00–17.00');
		expect(showValue('schedules', hours, 'en', vocabulary)).toBe('Tuesday, Thursday 15:00–17:00');
		expect(showValue('languages', ['da', 'uk'], 'da', vocabulary)).toBe('Dansk, Ukrainsk');
		expect(showValue('categories', ['lektiehjaelp'], 'en', vocabulary)).toBe('Homework help');
		expect(showValue('audiences', ['unge'], 'en', vocabulary)).toBe('Unge');
		expect(showValue('isFree', true, 'da', vocabulary)).toBe('Gratis');
		expect(showValue('priceOre', 12550, 'da', vocabulary)).toBe('125,50 kr.');
		expect(showValue('hourlyPayOre', 13000, 'en', vocabulary)).toBe('DKK 130 an hour');
		expect(showValue('deadline', '2027-01-15', 'da', vocabulary)).toBe('15. januar 2027');
		expect(showValue('guidepost', 'uddannelse-til-alle', 'da', vocabulary)).toBe(
			'Uddannelse til alle'
		);
		expect(
			showValue('partnerIds', ['0b6c1f0e-0000-4000-8000-000000000001'], 'da', vocabulary)
		).toBe('Aalborg Bibliotekerne');
		expect(showValue('name', { da: 'Lektiecafé', en: 'Homework café' }, 'da', vocabulary)).toBe(
			'Dansk: Lektiecafé\nEngelsk: Homework café'
		);
		expect(showValue('name', { da: 'Lektiecafé' }, 'en', vocabulary)).toBe('Lektiecafé');
	});

	it('marks the words that changed, and only those', () => {
		const { before, after } = changedWords(
			'Lektiecafé hver tirsdag for unge',
			'Lektiecafé hver torsdag for unge'
		);
		expect(before.filter((r) => r.change).map((r) => r.text.trim())).toEqual(['tirsdag']);
		expect(after.filter((r) => r.change).map((r) => r.text.trim())).toEqual(['torsdag']);
		expect(before.map((r) => r.text).join('')).toBe('Lektiecafé hver tirsdag for unge');
		expect(after.map((r) => r.text).join('')).toBe('Lektiecafé hver torsdag for unge');
		const spaced = changedWords(
			'Programmering for begyndere hver mandag.',
			'Programmering for begyndere mandag og onsdag.'
		);
		expect(spaced.before.map((r) => r.text).join('')).toBe(
			'Programmering for begyndere hver mandag.'
		);
		expect(spaced.after.map((r) => r.text).join('')).toBe(
			'Programmering for begyndere mandag og onsdag.'
		);
		expect(changedWords('', 'Ny')).toEqual({ before: [], after: [{ text: 'Ny' }] });
	});

	it('labels each field, and shows latitude and longitude as one place on the map', () => {
		const shown = showChanges(
			[
				{ field: 'isFree', before: true, after: false },
				{ field: 'latitude', before: 57.04, after: 57.05 },
				{ field: 'longitude', before: 9.92, after: 9.93 },
				{ field: 'somethingNew', before: null, after: 'x' }
			],
			'da',
			vocabulary
		);
		expect(shown.map((c) => c.label)).toEqual(['Pris', 'Placering på kortet', 'somethingNew']);
		expect(shown[1]!.after.map((r) => r.text).join('')).toBe('57.05, 9.93');
	});
});
