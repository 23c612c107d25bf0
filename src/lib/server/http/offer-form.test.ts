import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/index.ts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import {
	createOffer,
	createOrganization,
	loadTaxonomy,
	placesAndHours
} from '../directory/index.ts';
import { GeocoderUnavailable, type Located } from '../geocoding/index.ts';
import { approveSubmission, mySubmissions } from '../moderation/index.ts';
import { hoursFromForm, placeAndHoursValues, submitOfferForm } from './offer-form.ts';

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

describe.each(testEngines())('the offer form locates its place on $name', (engine) => {
	let database: Database;
	let partner: Actor;
	const editor: Actor = {
		id: 'editor-1',
		email: 'e@aalborg.dk',
		role: 'editor',
		organizationIds: []
	};
	beforeEach(async () => {
		database = await engine.open();
		await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'test');
		const club = await createOrganization(database.db, 'test', {
			name: 'Vejgaard Boldklub',
			kind: 'association'
		});
		partner = { id: 'p-1', email: 'p@klub.dk', role: 'partner', organizationIds: [club.id] };
	});
	afterEach(async () => database.close());

	const form = (address: string) => {
		const data = new FormData();
		for (const [name, value] of Object.entries({
			organizationId: partner.organizationIds[0]!,
			nameDa: `Fodbold ved ${address}`,
			descDa: 'Træning for unge to gange om ugen.',
			category: 'fritid-og-idraet',
			audience: 'udskoling',
			placeName: 'Klubhuset',
			address,
			postalCode: '9000',
			city: 'Aalborg'
		}))
			data.append(name, value);
		return data;
	};
	const published = async (address: string, locate: (a: string) => Promise<Located | null>) => {
		expect(
			await submitOfferForm(database.db, partner, form(address), undefined, 'da', locate)
		).toBe(undefined);
		const pending = (await mySubmissions(database.db, partner)).find((s) => s.status === 'pending');
		const slug = await approveSubmission(database.db, editor, pending!.id);
		const [offer] = rowsOf<{ id: string }>(
			await database.db.execute(sql`select id from offers where slug = ${slug}`)
		);
		return (await placesAndHours(database.db, offer!.id)).locations[0]!;
	};

	it('takes coordinates from the lookup for the address in its own postcode, and none otherwise', async () => {
		const asked: string[] = [];
		const locate = async (address: string): Promise<Located | null> => {
			asked.push(address);
			if (address.startsWith('Hadsundvej'))
				return { label: 'Hadsundvej 20, 9000 Aalborg', latitude: 57.0412, longitude: 9.9551 };
			if (address.startsWith('Skolevej'))
				return { label: 'Skolevej 1, 9400 Nørresundby', latitude: 57.06, longitude: 9.92 };
			if (address.startsWith('Nedbrudsvej')) throw new GeocoderUnavailable('status 503');
			return null;
		};
		expect(await published('Hadsundvej 20', locate)).toMatchObject({
			latitude: 57.0412,
			longitude: 9.9551
		});
		expect(asked).toEqual(['Hadsundvej 20, 9000 Aalborg']);
		// Found only in another postcode, not found, or the lookup down: saved without a point.
		for (const address of ['Skolevej 1', 'Ukendt Vej 7', 'Nedbrudsvej 3']) {
			const place = await published(address, locate);
			expect([place.address, place.latitude, place.longitude]).toEqual([
				address,
				undefined,
				undefined
			]);
		}
	});

	it('keeps the dates hours are valid between when the form leaves those hours unchanged', async () => {
		const offer = await createOffer(database.db, 'test', {
			organizationId: partner.organizationIds[0]!,
			name: { da: 'Sommerfodbold' },
			description: { da: 'Træning om sommeren.' },
			schedules: [
				{
					byday: 'MO',
					opensAt: '15:00',
					closesAt: '17:00',
					validFrom: '2026-06-01',
					validTo: '2026-08-31'
				},
				{
					byday: 'WE',
					opensAt: '15:00',
					closesAt: '17:00',
					validFrom: '2026-06-01',
					validTo: '2026-08-31'
				}
			]
		});
		const data = new FormData();
		for (const [name, value] of Object.entries({
			organizationId: partner.organizationIds[0]!,
			nameDa: 'Sommerfodbold',
			descDa: 'Træning om sommeren, nu også fredag.',
			'opens-MO': '15:00',
			'closes-MO': '17:00',
			'opens-WE': '16:00',
			'closes-WE': '18:00'
		}))
			data.append(name, value);
		expect(await submitOfferForm(database.db, partner, data, offer.id, 'da')).toBe(undefined);
		const pending = (await mySubmissions(database.db, partner)).find((s) => s.status === 'pending');
		await approveSubmission(database.db, editor, pending!.id);
		// Monday's hours are as they were and keep their season; Wednesday's changed and have none.
		expect((await placesAndHours(database.db, offer.id)).schedules).toEqual([
			{
				byday: 'MO',
				opensAt: '15:00',
				closesAt: '17:00',
				validFrom: '2026-06-01',
				validTo: '2026-08-31'
			},
			{ byday: 'WE', opensAt: '16:00', closesAt: '18:00' }
		]);
	});
});
