import { describe, expect, it } from 'vitest';
import type { Db } from '../db/index.ts';
import { eventTimes, eventValues } from './event-form.ts';

const form = (fields: Record<string, string>) => (name: string) => fields[name] ?? '';
// No links to look up: the database is not asked.
const noDb = undefined as unknown as Db;

describe('the event form', () => {
	it('reads a date and Danish times as instants, in summer and in winter time', () => {
		expect(eventTimes(form({ date: '2027-06-10', start: '17:00', end: '19:30' }), false)).toEqual({
			startsAt: new Date('2027-06-10T15:00:00Z'),
			endsAt: new Date('2027-06-10T17:30:00Z')
		});
		expect(eventTimes(form({ date: '2027-01-14', start: '17:00', end: '19:00' }), false)).toEqual({
			startsAt: new Date('2027-01-14T16:00:00Z'),
			endsAt: new Date('2027-01-14T18:00:00Z')
		});
	});

	it('lets an event last several days: all day to midnight after the last, or to a time on it', () => {
		expect(eventTimes(form({ date: '2027-01-14', endDate: '2027-01-15' }), true)).toEqual({
			startsAt: new Date('2027-01-13T23:00:00Z'),
			endsAt: new Date('2027-01-15T23:00:00Z')
		});
		expect(
			eventTimes(
				form({ date: '2027-01-14', endDate: '2027-01-15', start: '09:00', end: '15:00' }),
				false
			)
		).toEqual({
			startsAt: new Date('2027-01-14T08:00:00Z'),
			endsAt: new Date('2027-01-15T14:00:00Z')
		});
	});

	it('reads nothing from a date or a time that is not one', () => {
		expect(eventTimes(form({ date: '2027-02-30' }), true)).toBeUndefined();
		expect(eventTimes(form({ date: '2027-01-14', endDate: '15-01-2027' }), true)).toBeUndefined();
		expect(
			eventTimes(form({ date: '2027-01-14', start: '25:00', end: '26:00' }), false)
		).toBeUndefined();
	});

	it('starts a change from the stored event, written as the form reads it back', async () => {
		const stored = {
			organizationId: 'o1',
			kind: 'messe',
			title: { da: 'Uddannelsesmessen', en: 'The education fair' },
			description: { da: 'To dage med alle uddannelser.' },
			startsAt: new Date('2027-01-13T23:00:00Z'),
			endsAt: new Date('2027-01-15T23:00:00Z'),
			allDay: true,
			address: 'Europa Plads 4, 9000 Aalborg',
			priceOre: 2550,
			capacityNote: { da: '24 pladser', en: '24 places' },
			registrationDeadline: new Date('2027-01-10T22:59:00Z'),
			audiences: ['udskoling', 'foraeldre'],
			levels: [],
			language: 'da' as const
		};
		const values = await eventValues(noDb, stored);
		expect(values).toMatchObject({
			date: '2027-01-14',
			endDate: '2027-01-15',
			start: '',
			allDay: '1',
			titleEn: 'The education fair',
			price: '25.5',
			capacity: '24 pladser',
			capacityEn: '24 places',
			deadline: '2027-01-10',
			audiences: 'udskoling,foraeldre',
			programmes: ''
		});
		// Read back, the form gives the same days.
		expect(eventTimes(form(values), true)).toEqual({
			startsAt: stored.startsAt,
			endsAt: stored.endsAt
		});
		const timed = await eventValues(noDb, {
			...stored,
			allDay: false,
			startsAt: new Date('2027-06-10T15:00:00Z'),
			endsAt: new Date('2027-06-10T17:30:00Z')
		});
		expect(timed).toMatchObject({ date: '2027-06-10', endDate: '', start: '17:00', end: '19:30' });
	});
});
