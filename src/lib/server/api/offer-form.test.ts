import { describe, expect, it } from 'vitest';
import { hoursFromForm, placeAndHoursValues } from './offer-form.ts';

describe('opening hours in the offer form', () => {
	it('joins days with the same hours into one weekly rule and skips closed days', () => {
		const form: Record<string, string> = {
			'opens-MO': '15:00',
			'closes-MO': '18:00',
			'opens-WE': '15:00',
			'closes-WE': '18:00',
			'opens-SA': '10:00',
			'closes-SA': '12:00'
		};
		expect(hoursFromForm((n) => form[n] ?? '')).toEqual([
			{ byday: 'MO,WE', opensAt: '15:00', closesAt: '18:00' },
			{ byday: 'SA', opensAt: '10:00', closesAt: '12:00' }
		]);
	});
	it('keeps a day with only one time, so validation can say what is missing', () => {
		expect(hoursFromForm((n) => (n === 'opens-FR' ? '09:00' : ''))).toEqual([
			{ byday: 'FR', opensAt: '09:00', closesAt: '' }
		]);
	});
	it('fills the form back in from stored hours, one row per day', () => {
		const values = placeAndHoursValues({
			locations: [],
			schedules: [{ byday: 'TU,TH', opensAt: '17:00', closesAt: '20:30' }]
		});
		expect(values).toMatchObject({
			'opens-TU': '17:00',
			'closes-TH': '20:30',
			placeName: ''
		});
		expect(values['opens-MO']).toBeUndefined();
	});
});
